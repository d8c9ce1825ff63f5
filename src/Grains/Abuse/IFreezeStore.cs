using Hospital.Grains.Abstractions.Abuse;

namespace Hospital.Grains.Abuse;

/// <summary>
/// Freezes of accounts and patients (table freeze_audit): one row per change, so the rows are the audit trail and the
/// latest row is the current state. The grain that decides a hold reads it when it activates.
/// </summary>
public interface IFreezeStore
{
    /// <summary>The latest change of the subject, or <see cref="FreezeState.Never"/>.</summary>
    Task<FreezeState> LoadAsync(FrozenSubject subject, string id, CancellationToken cancellationToken = default);

    /// <summary>Appends a change (and its audit row: it is one).</summary>
    Task AppendAsync(FrozenSubject subject, string id, FreezeState state, CancellationToken cancellationToken = default);
}
