using Orleans.Dashboard;

namespace Hospital.Api.Apis;

/// <summary>The Orleans dashboard (silos, grain types, activations, calls and latency per method) for administrators.</summary>
public static class AdminDashboard
{
    public const string Path = "/dashboard";

    /// <summary>
    /// Serves the dashboard's page, assets and data API under <see cref="Path"/>, every one behind the admin credential
    /// (<see cref="AdminKeyFilter"/>). They are Orleans' pages, not the hospital's API, so they stay out of the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminDashboard(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(routePrefix: Path).AddEndpointFilter<AdminKeyFilter>().ExcludeFromDescription();
        return app;
    }
}
