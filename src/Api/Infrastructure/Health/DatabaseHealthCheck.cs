using Hospital.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hospital.Api.Infrastructure.Health;

/// <summary>Ready means the database answers: open a connection and run <c>SELECT 1</c>.</summary>
internal sealed class DatabaseHealthCheck(IDbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{connections.Provider} answers.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A cancelled token is the check's own timeout, which the health check service reports.
            // The exception goes to the health check log, not into the response: it may name hosts or users.
            return HealthCheckResult.Unhealthy($"{connections.Provider} is unreachable.", exception);
        }
    }
}
