using System.Globalization;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Release watches: a patient on the caller's account (<see cref="AccountPatientFilter"/>) asks to be told, the day before,
/// when a department's date opens for booking. The notice goes through the outbox (Silo/Notifications).
/// </summary>
public static class ReleaseWatchesApi
{
    public const string AlreadyOpenCode = "release.already_open";

    /// <summary>Furthest visit date a patient may watch, in days from today.</summary>
    public const int MaxDaysAhead = 90;

    public static IEndpointRouteBuilder MapReleaseWatchesApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/patients/{id}/release-watches/{departmentId:int}/{date}", WatchReleaseAsync).WithTags("Patients")
            .RequireAuthorization(HospitalPolicies.Patient).AddEndpointFilter<AccountPatientFilter>()
            .WithSummary($"Ask to be told by SMS, the day before, when a department's date (yyyy-MM-dd, at most {MaxDaysAhead} days ahead) opens " +
                         "for booking (e.g. \"your department opens tomorrow at 07:00\"). Repeating it changes nothing; 409 release.already_open " +
                         "when the date is bookable already")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found", "department.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, AlreadyOpenCode)
            .WithResponseExample(StatusCodes.Status200OK, NoticeExamples.ReleaseWatch);
        return app;
    }

    public static async Task<Ok<ReleaseWatchResponse>> WatchReleaseAsync(string id, int departmentId, string date, CatalogCache catalog,
        IReleaseWatchStore watches, HospitalTime hospitalTime, HospitalClock time, CancellationToken cancellationToken)
    {
        var snapshot = catalog.Current;
        snapshot.Department(departmentId);
        var now = hospitalTime.Now(time);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var visitDate))
            throw InputValidationException.For("date", "Must be a date as yyyy-MM-dd.");
        if (visitDate > hospitalTime.DateOf(now).AddDays(MaxDaysAhead))
            throw InputValidationException.For("date", $"Must be at most {MaxDaysAhead} days ahead.");
        var opensAt = hospitalTime.ToLocal(snapshot.Catalog.ReleasePolicyFor(departmentId).OpensAt(visitDate, hospitalTime));
        if (opensAt <= now) throw new RuleConflictException(AlreadyOpenCode, $"{visitDate:yyyy-MM-dd} is open for booking already (since {opensAt:yyyy-MM-dd HH:mm}).");
        await watches.AddAsync(id, departmentId, visitDate, now, cancellationToken);
        return TypedResults.Ok(new ReleaseWatchResponse(id, departmentId, visitDate, opensAt));
    }
}
