using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.LoadTests.Browsing;

/// <summary>
/// <c>bare-kestrel</c>: the baseline of scripts/browse-bench.sh, a server on the same .NET with Kestrel's defaults and one
/// GET endpoint that serializes a small JSON document, without middleware. What the API's calendar costs beyond it is
/// the API's own work.
/// </summary>
public static class BareKestrelCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Loopback URL to listen on, e.g. http://127.0.0.1:5099", Required = true };
        var bodyBytes = new Option<int>("--body-bytes") { Description = "About how many bytes the JSON answer has (match the calendar's)", DefaultValueFactory = _ => 1_000 };
        var command = new Command("bare-kestrel", "One GET endpoint on bare Kestrel (GET /bare), the baseline of the browsing benchmark") { url, bodyBytes };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(url)!, result.GetValue(bodyBytes), cancellationToken));
        return command;
    }

    private static async Task RunAsync(string url, int bodyBytes, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The API logs no line per request at its settings (Microsoft.AspNetCore at Warning); neither may the baseline.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var items = BareItem.Filling(bodyBytes);
        app.MapGet("/bare", () => TypedResults.Ok(items));
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
