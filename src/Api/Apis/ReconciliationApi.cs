using System.Globalization;
using System.Security.Claims;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Catalog;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Reconciliation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// The daily reconciliation (对账) of payments for finance, hospital admins only (the group's policy). The daily job writes each
/// ended day's report; an admin may run a day again at any time, which adds a new version and keeps the earlier ones, or look at the
/// current day so far (provisional: nothing fixed or stored).
/// </summary>
public static class ReconciliationApi
{
    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/reconciliations").WithTags("Reconciliation").RequireAuthorization(HospitalPolicies.HospitalAdmin)
            .ProducesValidationProblem();
        api.MapGet("/provisional", GetProvisionalAsync)
            .WithSummary("The current hospital day reconciled up to now, for a check during the day: the same comparison as the daily run, " +
                         "but nothing is fixed and nothing is stored. \"settling\" lists the gateway's payments our ledger has not recorded yet " +
                         "(a notification on its way; the payment sweep or the daily run settles them), \"forAdmins\" every other difference")
            .ProducesProblemCodes(StatusCodes.Status502BadGateway, GatewayStatementException.Code)
            .WithResponseExample(StatusCodes.Status200OK, ReconciliationExamples.Provisional);
        api.MapGet("/{day}", GetReportAsync)
            .WithSummary("A hospital day's reconciliation report (YYYY-MM-DD): the gateway's and our ledger's totals by channel, and every " +
                         "difference with what was fixed automatically and what is left to you. The latest version unless ?version=N")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "reconciliation.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ReconciliationExamples.Report);
        api.MapGet("/{day}/csv", DownloadReportAsync)
            .WithSummary("The same report as a CSV file (the run, the totals, the differences, each section with its header)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithResponseExample(StatusCodes.Status200OK, ReconciliationReportCsv.Write(ReconciliationExamples.Report))
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "reconciliation.not_found");
        api.MapPost("/{day}", RunAsync)
            .WithSummary("Reconcile an ended hospital day now: fetches the gateway's statement, compares it with our ledger, applies the safe " +
                         "fixes (a payment our ledger missed is confirmed, or refunded when its hold had ended) and answers the new report version; " +
                         "502 gateway.statement_invalid when the gateway's statement fails its own checks (nothing compared or stored)")
            .ProducesProblemCodes(StatusCodes.Status502BadGateway, GatewayStatementException.Code)
            .WithResponseExample(StatusCodes.Status200OK, ReconciliationExamples.Report);
        return app;
    }

    public static async Task<Ok<ReconciliationReport>> GetReportAsync(string day, int? version, IReconciliationStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FindAsync(day, version, store, cancellationToken));

    public static async Task<Ok<ProvisionalReconciliation>> GetProvisionalAsync(PaymentReconciler reconciler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reconciler.ProvisionalAsync(cancellationToken));

    public static async Task<IResult> DownloadReportAsync(string day, int? version, IReconciliationStore store, CancellationToken cancellationToken)
    {
        var report = await FindAsync(day, version, store, cancellationToken);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(ReconciliationReportCsv.Write(report)), "text/csv; charset=utf-8",
            $"reconciliation-{report.Day:yyyy-MM-dd}-v{report.Version}.csv");
    }

    public static async Task<Ok<ReconciliationReport>> RunAsync(
        string day, ClaimsPrincipal user, PaymentReconciler reconciler, HospitalTime hospitalTime, HospitalClock time, CancellationToken cancellationToken)
    {
        var date = ParseDay(day);
        var today = hospitalTime.DateOf(time.GetUtcNow());
        if (date >= today) throw InputValidationException.For("day", $"day must have ended: {today.AddDays(-1):yyyy-MM-dd} or earlier.");
        return TypedResults.Ok(await reconciler.RunAsync(date, BookingActor.Staff(user.Subject()), cancellationToken));
    }

    private static async Task<ReconciliationReport> FindAsync(string day, int? version, IReconciliationStore store, CancellationToken cancellationToken)
    {
        var date = ParseDay(day);
        if (version is < 1) throw InputValidationException.For("version", "version is 1 or more.");
        return await store.FindReportAsync(date, version, cancellationToken)
               ?? throw new NotFoundException("reconciliation.not_found", version is null
                   ? $"{date:yyyy-MM-dd} has not been reconciled yet."
                   : $"{date:yyyy-MM-dd} has no reconciliation report version {version}.");
    }

    private static DateOnly ParseDay(string day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw InputValidationException.For("day", "day is a date, YYYY-MM-DD.");
}
