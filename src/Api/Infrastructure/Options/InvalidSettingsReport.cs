using System.Reflection;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Options;

/// <summary>
/// Runs the app unless start-up validation refuses the configuration; then it writes one line per failure and returns
/// a non-zero exit code. Left unhandled, the exception would abort the process (SIGABRT) with a stack trace an operator must decode.
/// </summary>
public static class InvalidSettingsReport
{
    public const int ExitCode = 2;

    public static async Task<int> RunOrReportInvalidSettingsAsync(this WebApplication app, TextWriter error)
    {
        // Validated here before the host starts, because the host logs a failed start as an error with the whole
        // exception first, burying these lines under a stack trace.
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (IsOwnProcess && Failures(e) is { Count: > 0 } failures)
        {
            await error.WriteLineAsync($"The server cannot start: {failures.Count} setting(s) to fix (appsettings.json or environment variables, ':' written '__'):");
            foreach (var failure in failures) await error.WriteLineAsync($"  {failure}");
            return ExitCode;
        }
        await app.RunAsync();
        return 0;
    }

    // Under WebApplicationFactory, Main runs inside the test process, whose tests expect the exception itself.
    private static bool IsOwnProcess => Assembly.GetEntryAssembly() == typeof(InvalidSettingsReport).Assembly;

    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.SelectMany(Failures)],
        _ => [],
    };
}
