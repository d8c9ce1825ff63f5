using System.Data.Common;
using Hospital.Api.Infrastructure.Options;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Storage.Resilience;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Errors;

/// <summary>
/// Turns an exception into the problem a client sees. Only our own typed exceptions and request
/// errors pass their message on; anything else becomes a generic 500 that reveals nothing.
/// </summary>
internal sealed class ExceptionProblemMapper(IOptions<ApiOptions> options)
{
    public MappedProblem Map(Exception exception) => exception switch
    {
        // Orleans refused the call at once: the activation has Silo:MaxRequestsPerActivation calls already.
        LimitExceededException or GatewayTooBusyException =>
            Unavailable(ProblemCodes.Overloaded, "The server is busy; retry shortly.", RetryAfter),
        // The silo holding the grain died or cannot be reached; the cluster reactivates the grain elsewhere within seconds.
        SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException =>
            Unavailable(ProblemCodes.Overloaded, "The server is busy; retry shortly.", RetryAfter),
        TimeoutException =>
            Unavailable(ProblemCodes.Timeout, "The server did not answer in time; retry shortly.", RetryAfter),
        // The database keeps failing, so the node stopped trying until the circuit's next probe: retry after that.
        StorageUnavailableException refused =>
            Unavailable(ProblemCodes.StorageUnavailable, "The database is unavailable; retry shortly.", refused.RetryAfter),
        // The database failed or timed out: nothing the caller did wrong, and a retry usually succeeds.
        DbException =>
            Unavailable(ProblemCodes.StorageUnavailable, "The database did not complete the request; retry shortly.",
                TimeSpan.FromSeconds(options.Value.TimeoutRetryAfterSeconds)) with { LogAsError = true },
        // Another node kept writing the same data (or this node's copy had to be reloaded): the request itself is fine
        // and a retry meets the fresh state, so it is "unavailable for a moment", not a conflict the caller must resolve.
        InconsistentStateException =>
            Unavailable(ProblemCodes.StateConflict, "The data changed while the request was processed; retry shortly.",
                TimeSpan.FromSeconds(options.Value.TimeoutRetryAfterSeconds)),
        // The payment gateway's statement failed its own checks: the gateway's fault, not ours nor the caller's.
        GatewayStatementException unreadable =>
            Problem(StatusCodes.Status502BadGateway, GatewayStatementException.Code, "The payment gateway's statement could not be read.", unreadable.Message)
                with { LogAsError = true },
        InputValidationException invalid => Invalid(invalid),
        RuleConflictException conflict =>
            WithDetails(Problem(StatusCodes.Status409Conflict, conflict.Code, "The request conflicts with a rule.", conflict.Message), conflict),
        NotFoundException notFound =>
            WithDetails(Problem(StatusCodes.Status404NotFound, notFound.Code, "Not found.", notFound.Message), notFound),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } unreadable => UnreadableRequestProblem.For(unreadable),
        // Kestrel's other refusals (e.g. 413 once a body passes the cap) speak HTTP, not our types, so they pass on.
        BadHttpRequestException badRequest =>
            Problem(badRequest.StatusCode, StatusProblemCodes.ForStatus(badRequest.StatusCode), "The request is malformed.", badRequest.Message),
        _ => Problem(StatusCodes.Status500InternalServerError, ProblemCodes.ServerError, "An unexpected error occurred.", detail: null) with { LogAsError = true },
    };

    private TimeSpan RetryAfter => TimeSpan.FromSeconds(options.Value.TimeoutRetryAfterSeconds);

    private static MappedProblem Problem(int status, string code, string title, string? detail) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } });

    private static MappedProblem Unavailable(string code, string title, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return Problem(StatusCodes.Status503ServiceUnavailable, code, title, detail: null) with { RetryAfterSeconds = seconds };
    }

    private static MappedProblem Invalid(InputValidationException invalid)
    {
        var errors = invalid.Errors.ToDictionary(pair => pair.Key, pair => pair.Value);
        return new(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Extensions = { ["code"] = invalid.Code },
        });
    }

    /// <summary>Copies the exception's client-facing facts as extensions, never overwriting code or traceId.</summary>
    private static MappedProblem WithDetails(MappedProblem mapped, HospitalException exception)
    {
        foreach (var (key, value) in exception.Details)
        {
            if (key is not ("traceId" or "code"))
            {
                mapped.Problem.Extensions.TryAdd(key, value);
            }
        }
        return mapped;
    }
}
