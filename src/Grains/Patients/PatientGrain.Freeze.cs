using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abuse;

namespace Hospital.Grains.Patients;

/// <summary>
/// The patient's freeze: read with the patient, checked before every hold and move whoever books (the account, a clerk, a
/// doctor). Orleans keeps one activation per patient in the cluster, so a freeze holds on every node at once.
/// </summary>
public sealed partial class PatientGrain
{
    private FreezeState _freeze = FreezeState.Never;

    public async Task<FreezeState> ChangeFreezeAsync(FreezeChange change)
    {
        await LoadAsync();
        return _freeze = await Freezes.ApplyAsync(freezes, FrozenSubject.Patient, PatientId, change, Now);
    }
}
