using System.Globalization;
using System.Security.Claims;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abuse;
using Hospital.Grains.Accounts;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Anti-scalping for hospital admins (the group's policy; department admins are refused): the flags detection raised, and
/// freezing accounts and patients, lifting patients' suspensions. A freeze is decided by the account's or patient's grain, the one that decides holds,
/// and stored with an audit row naming the admin.
/// </summary>
public static class AccountAdminApi
{
    public const int DefaultPageSize = 20, MaxPageSize = 100;

    public static IEndpointRouteBuilder MapAccountAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Anti-scalping").RequireAuthorization(HospitalPolicies.HospitalAdmin);
        api.MapGet("/flags", ListFlagsAsync)
            .WithSummary($"Flags raised on accounts by anti-scalping detection, newest first, with their evidence: many accounts from one address " +
                         $"or device, family members removed again and again, holds left to lapse. Paged: pageSize 1 to {MaxPageSize} " +
                         $"(default {DefaultPageSize}), then cursor = the previous page's nextCursor")
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, AbuseExamples.FlagPage);
        MapFreeze(api, "/accounts/{id}/freeze", FreezeAccountAsync, AbuseExamples.Changed(FrozenSubject.Account, frozen: true), "Freeze an account with a reason: it can no longer hold a slot (409 account.frozen), on every node, until unfrozen");
        MapFreeze(api, "/accounts/{id}/unfreeze", UnfreezeAccountAsync, AbuseExamples.Changed(FrozenSubject.Account, frozen: false), "Unfreeze an account with a reason: it may book again");
        MapFreeze(api, "/patients/{id}/freeze", FreezePatientAsync, AbuseExamples.Changed(FrozenSubject.Patient, frozen: true), "Freeze a patient with a reason: nobody, window clerks included, can book for them (409 patient.frozen) until unfrozen");
        MapFreeze(api, "/patients/{id}/unfreeze", UnfreezePatientAsync, AbuseExamples.Changed(FrozenSubject.Patient, frozen: false), "Unfreeze a patient with a reason: they may be booked for again");
        api.MapPost("/patients/{id}/suspension/lift", LiftSuspensionAsync)
            .WithSummary("Lift a patient's suspension of new bookings (3 cancellations this month, or the yearly no-show ladder of 30, 60 " +
                         "and 90 days) with a reason, kept in an audit row naming the admin; the patient is told by notice. What the patient " +
                         "did before the lift no longer suspends them, but lifted no-shows still count on the year's ladder")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PatientGrain.NotSuspendedCode)
            .WithRequestExample(AbuseExamples.LiftRequest)
            .WithResponseExample(StatusCodes.Status200OK, AbuseExamples.Lifted);
        return app;
    }

    public static async Task<Ok<AccountFlagPage>> ListFlagsAsync(int? pageSize, string? cursor, IAccountFlagStore flags, CancellationToken cancellationToken)
    {
        var take = pageSize ?? DefaultPageSize;
        if (take is < 1 or > MaxPageSize) throw InputValidationException.For("pageSize", $"Must be 1 to {MaxPageSize}.");
        var found = await flags.ListAsync(take + 1, Cursor(cursor), cancellationToken);
        var items = found.Take(take).Select(AccountFlagResponse.From).ToList();
        var next = found.Count > take ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new AccountFlagPage(items, next));
    }

    public static Task<Ok<FreezeResponse>> FreezeAccountAsync(string id, FreezeRequest request, ClaimsPrincipal user, IPatientAccountStore accounts, IGrainFactory grains) =>
        ChangeAccountAsync(id, Change(request, user, frozen: true), accounts, grains);

    public static Task<Ok<FreezeResponse>> UnfreezeAccountAsync(string id, FreezeRequest request, ClaimsPrincipal user, IPatientAccountStore accounts, IGrainFactory grains) =>
        ChangeAccountAsync(id, Change(request, user, frozen: false), accounts, grains);

    public static Task<Ok<FreezeResponse>> FreezePatientAsync(string id, FreezeRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        ChangePatientAsync(id, Change(request, user, frozen: true), grains);

    public static Task<Ok<FreezeResponse>> UnfreezePatientAsync(string id, FreezeRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        ChangePatientAsync(id, Change(request, user, frozen: false), grains);

    public static async Task<Ok<SuspensionLiftResponse>> LiftSuspensionAsync(string id, LiftSuspensionRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var reason = AdminValidation.Build(() => FieldCheck.Text(RequiredInput.Text(request.Reason, "reason"), Freezes.MaxReasonLength, "reason"));
        if (string.IsNullOrWhiteSpace(id)) throw new NotFoundException("patient.not_found", $"Patient {id} is not registered.");
        return TypedResults.Ok(SuspensionLiftResponse.From(id, await grains.GetGrain<IPatientGrain>(id).LiftSuspensionAsync(reason, BookingActor.Staff(user.Subject()))));
    }

    private static void MapFreeze(RouteGroupBuilder api, string pattern, Delegate handler, FreezeResponse example, string summary) =>
        api.MapPost(pattern, handler).WithSummary(summary)
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, pattern.StartsWith("/accounts/", StringComparison.Ordinal) ? "account.not_found" : "patient.not_found")
            .WithRequestExample(AbuseExamples.FreezeRequest)
            .WithResponseExample(StatusCodes.Status200OK, example);

    private static async Task<Ok<FreezeResponse>> ChangeAccountAsync(string id, FreezeChange change, IPatientAccountStore accounts, IGrainFactory grains)
    {
        // Checked here so an unknown id is a plain 404 rather than a grain that fails to activate.
        _ = await accounts.FindAsync(id) ?? throw new NotFoundException("account.not_found", $"There is no account {id}.");
        return TypedResults.Ok(FreezeResponse.From(FrozenSubject.Account, id, await grains.GetGrain<IAccountGrain>(id).ChangeFreezeAsync(change)));
    }

    private static async Task<Ok<FreezeResponse>> ChangePatientAsync(string id, FreezeChange change, IGrainFactory grains)
    {
        // Orleans refuses a blank grain key outright; no patient has one.
        if (string.IsNullOrWhiteSpace(id)) throw new NotFoundException("patient.not_found", $"Patient {id} is not registered.");
        return TypedResults.Ok(FreezeResponse.From(FrozenSubject.Patient, id, await grains.GetGrain<IPatientGrain>(id).ChangeFreezeAsync(change)));
    }

    private static FreezeChange Change(FreezeRequest request, ClaimsPrincipal user, bool frozen) =>
        new(frozen, AdminValidation.Build(() => FieldCheck.Text(RequiredInput.Text(request.Reason, "reason"), Freezes.MaxReasonLength, "reason")),
            BookingActor.Staff(user.Subject()));

    private static long? Cursor(string? cursor) =>
        cursor is null ? null
        : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw InputValidationException.For("cursor", "Must be the nextCursor of the previous page.");
}
