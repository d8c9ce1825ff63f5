namespace Hospital.Api.Apis;

public static class HospitalApis
{
    /// <summary>Maps every area of the hospital's HTTP API.</summary>
    public static IEndpointRouteBuilder MapHospitalApis(this IEndpointRouteBuilder app) => app
        .MapBrowsingApi()
        .MapSessionsApi()
        .MapPatientsApi()
        .MapAppointmentsApi()
        .MapAvailabilityStreamApi()
        .MapAdminApi()
        .MapAccountsApi()
        .MapStaffAuthApi();
}
