using Hospital.Grains.Browsing;

namespace Hospital.Api.Apis.Access;

/// <summary>
/// Endpoint metadata: the departments an admin request touches (for a move, both the old and the new one), read from its
/// arguments and the catalog. An admin endpoint without it is for hospital admins only (<see cref="DepartmentScopeFilter"/>).
/// </summary>
public sealed record DepartmentScope(Func<EndpointFilterInvocationContext, CatalogSnapshot, IEnumerable<int>> Departments)
{
    /// <summary>The route value <c>id</c> as a number, or null.</summary>
    public static int? RouteId(EndpointFilterInvocationContext context) =>
        int.TryParse(context.HttpContext.GetRouteValue("id") as string, out var id) ? id : null;

    /// <summary>The route value <c>id</c> as text.</summary>
    public static string RouteText(EndpointFilterInvocationContext context) => context.HttpContext.GetRouteValue("id") as string ?? "";

    /// <summary>The first argument of type <typeparamref name="T"/> (the request body).</summary>
    public static T? Body<T>(EndpointFilterInvocationContext context) where T : class => context.Arguments.OfType<T>().FirstOrDefault();
}
