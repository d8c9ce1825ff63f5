using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

internal sealed class ParticipantGrain(TestStateParticipant state) : Grain, IParticipantGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state.Steps.Add("grain activated");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetActivationStepsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.Steps]);
}
