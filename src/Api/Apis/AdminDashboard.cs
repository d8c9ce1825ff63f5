using Hospital.Api.Infrastructure.Auth;
using Hospital.Silo.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Hospital.Api.Apis;

/// <summary>The Orleans dashboard (silos, grain types, activations, calls and latency per method) for hospital admins.</summary>
public static class AdminDashboard
{
    public const string Path = DashboardCookie.Path;

    /// <summary>
    /// Serves the dashboard's page, assets and data API under <see cref="Path"/>, every one for hospital admins only: a browser
    /// signs in at <see cref="DashboardSignInApi.Path"/>, which sets <see cref="DashboardCookie"/>; API clients may send a
    /// bearer header. They are Orleans' pages, not the hospital's API, so they stay out of the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminDashboard(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SiloOptions>>().Value.Dashboard) return app;
        app.MapDashboardSignIn();
        app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(HospitalPolicies.HospitalAdmin).ExcludeFromDescription();
        return app;
    }
}
