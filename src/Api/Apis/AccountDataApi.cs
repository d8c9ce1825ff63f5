using System.Security.Claims;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Accounts;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>A patient account's own data: exported in full for its holder, and the account closed by its holder. Patients only.</summary>
public static class AccountDataApi
{
    public static IEndpointRouteBuilder MapAccountDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("Accounts").RequireAuthorization(HospitalPolicies.Patient);
        api.MapGet("/export", ExportAsync)
            .WithSummary("Everything the hospital keeps of your account as JSON: the account (phone unmasked), each patient on it with the full " +
                         "record, relationship and all their appointments")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "account.not_found")
            .WithResponseExample(StatusCodes.Status200OK, VisitCodeExamples.Export);
        api.MapDelete("/", CloseAsync)
            .WithSummary("Close your account: its refresh tokens are revoked and its patients detached, and the phone can sign up anew as a " +
                         "fresh account. Patients and their appointments stay with the hospital: booked appointments remain valid for the " +
                         "patient (check-in is by the patient's real name), unpaid holds expire as usual. Access tokens already issued get 404 " +
                         "account.not_found until they expire")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "account.not_found");
        return app;
    }

    public static async Task<Ok<AccountExportResponse>> ExportAsync(
        ClaimsPrincipal user, IPatientAccountStore accounts, IPatientStore patients, IPersonalDataProtector protector, IGrainFactory grains,
        HospitalClock clock, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(user.Subject(), cancellationToken)
            ?? throw new NotFoundException("account.not_found", "This account was closed.");
        var exported = new List<ExportedPatient>();
        foreach (var member in await grains.GetGrain<IAccountGrain>(account.Id).GetPatientsAsync())
        {
            if (await patients.FindAsync(member.PatientId, cancellationToken) is not { } patient) continue;
            exported.Add(new ExportedPatient(PatientRecordResponse.From(patient, protector), member.Relationship, member.AddedAt,
                await patients.LoadAppointmentsAsync(patient.Id, cancellationToken)));
        }
        return TypedResults.Ok(new AccountExportResponse(account.Id, protector.Unprotect(account.PhoneProtected), account.CreatedAt, exported, clock.GetUtcNow()));
    }

    public static async Task<NoContent> CloseAsync(ClaimsPrincipal user, IGrainFactory grains, IRefreshTokenStore refreshTokens, HospitalClock clock)
    {
        // The account and its links go first, in one transaction: a refresh racing this finds no account and fails anyway.
        await grains.GetGrain<IAccountGrain>(user.Subject()).CloseAsync();
        await refreshTokens.RevokeSubjectAsync(HospitalClaims.PatientKind, user.Subject(), clock.GetUtcNow());
        return TypedResults.NoContent();
    }
}
