using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Catalog;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>
/// Stands where persistent state will stand: a scoped service that knows its activation's key and
/// subscribes to run before the grain's OnActivateAsync.
/// </summary>
internal sealed class TestStateParticipant : IActivationParticipant
{
    private readonly IGrainContext _context;

    public TestStateParticipant(IGrainContext context, IActivationLifecycle lifecycle)
    {
        _context = context;
        lifecycle.Subscribe(this);
    }

    public List<string> Steps { get; } = [];

    public async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        Steps.Add($"participant loaded {_context.GrainId.Key}");
    }
}
