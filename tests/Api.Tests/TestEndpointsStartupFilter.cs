using Hospital.Grains.Abstractions.Errors;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hospital.Api.Tests;

/// <summary>
/// Adds endpoints that exist only in tests, after the app's own pipeline: they run inside the app's
/// error handling, exactly like production endpoints that throw.
/// </summary>
public sealed class TestEndpointsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.UseRouting();
        app.UseEndpoints(MapTestEndpoints);
    };

    private static void MapTestEndpoints(IEndpointRouteBuilder endpoints)
    {
        var test = endpoints.MapGroup("/test");
        test.MapGet("/throw/overloaded", () => Throw(new LimitExceededException("Too many requests queued for the activation.")));
        test.MapGet("/throw/gateway-busy", () => Throw(new GatewayTooBusyException()));
        test.MapGet("/throw/silo-unavailable", () => Throw(new SiloUnavailableException("The silo is down.")));
        test.MapGet("/throw/connection-failed", () => Throw(new ConnectionFailedException("Connection refused.")));
        test.MapGet("/throw/timeout", () => Throw(new TimeoutException("Response did not arrive on time in 00:00:30.")));
        test.MapGet("/throw/inconsistent", () => Throw(new InconsistentStateException("version 7 expected, found 8", "8", "7")));
        test.MapGet("/throw/rule", () => Throw(new RuleConflictException("slot.sold_out", "All slots of this session are taken.")
        {
            Details = new Dictionary<string, object?> { ["sessionId"] = "session-1", ["remaining"] = 0, ["code"] = "must.not.win" },
        }));
        test.MapGet("/throw/not-found", () => Throw(new NotFoundException("doctor.not_found", "No doctor has this id.")));
        test.MapGet("/throw/invalid", () => Throw(InputValidationException.For("phone", "Must be 11 digits.")));
        test.MapGet("/throw/storage", () => Throw(new Microsoft.Data.Sqlite.SqliteException("disk I/O error", 10)));
        test.MapGet("/throw/storage-refused", () => Throw(new global::Hospital.Silo.Storage.Resilience.StorageUnavailableException(
            "circuit open", TimeSpan.FromSeconds(7))));
        test.MapGet("/throw/unexpected", () => Throw(new InvalidOperationException("secret internal detail")));
        test.MapPost("/echo", (EchoRequest request) => TypedResults.Ok(request));
        test.MapGet("/count", (int count) => TypedResults.Ok(count));
    }

    private static IResult Throw(Exception exception) => throw exception;
}

public sealed record EchoRequest(string Text, int Number);
