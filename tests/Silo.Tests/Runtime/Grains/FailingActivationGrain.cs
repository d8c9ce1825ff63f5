using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

public sealed class FailingActivationGrain : Grain, IFailingActivationGrain
{
    private int _activationNumber;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GetPrimaryKeyString();
        _activationNumber = Interlocked.Increment(ref ProbeStats.For(key).Activations);
        // Ignores the token on purpose: the runtime must time the activation out anyway.
        if (key.StartsWith("hang", StringComparison.Ordinal)) await TestGates.WaitAsync(key);
        if (_activationNumber == 1) throw new InvalidOperationException("first activation fails");
    }

    public Task<int> GetActivationNumberAsync() => Task.FromResult(_activationNumber);
}
