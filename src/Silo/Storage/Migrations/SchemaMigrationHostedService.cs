using Microsoft.Extensions.Hosting;

namespace Hospital.Silo.Storage.Migrations;

/// <summary>
/// Migrates the schema while the host is starting. <see cref="IHostedLifecycleService.StartingAsync"/> runs before
/// any hosted service's StartAsync - the silo runtime and the web server included - so no grain and no request
/// ever sees an old schema, and Program.cs needs no extra call. A failed migration stops the host from starting.
/// </summary>
public sealed class SchemaMigrationHostedService(SchemaMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
