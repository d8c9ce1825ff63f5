using Hospital.Api.Apis.Abuse;
using Hospital.Api.Infrastructure.Payments;
using Hospital.Silo.Payments;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Apis;

public static class HospitalApis
{
    /// <summary>Registers what the API's areas keep between requests.</summary>
    public static IHostApplicationBuilder AddHospitalApis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarDayCache>();
        builder.Services.AddSingleton<BookingSourceWatch>();
        builder.Services.AddSingleton<WalkInPatientDesk>();
        builder.Services.AddOptions<SandboxGatewayOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SandboxGatewayOptions>, SandboxGatewayOptionsValidator>();
        return builder;
    }

    /// <summary>Maps every area of the hospital's HTTP API.</summary>
    public static IEndpointRouteBuilder MapHospitalApis(this IEndpointRouteBuilder app) => app
        .MapBrowsingApi()
        .MapSessionsApi()
        .MapPatientsApi()
        .MapPatientProofsApi()
        .MapPatientRecordsApi()
        .MapWalkInPatientsApi()
        .MapAppointmentsApi()
        .MapETicketApi()
        .MapPaymentsApi()
        .MapPaymentAdminApi()
        .MapSandboxCashierApi()
        .MapReconciliationApi()
        .MapAppointmentListsApi()
        .MapWaitlistsApi()
        .MapAvailabilityStreamApi()
        .MapAdminApi()
        .MapAdminCatalogReadApi()
        .MapAdminRetirementApi()
        .MapAccountAdminApi()
        .MapAccountsApi()
        .MapAccountDataApi()
        .MapCheckInApi()
        .MapReleaseWatchesApi()
        .MapQueueStreamApi()
        .MapDoctorWorkstationApi()
        .MapStaffAuthApi();
}
