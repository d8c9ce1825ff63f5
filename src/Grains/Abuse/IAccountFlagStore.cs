namespace Hospital.Grains.Abuse;

/// <summary>Flags raised on accounts (table account_flags) and the records detection counts (table family_removals, the audit rows).</summary>
public interface IAccountFlagStore
{
    /// <summary>Stores the flag unless one of its kind was raised on the account in the same window; true when stored now.</summary>
    Task<bool> RaiseAsync(string accountId, AccountFlagKind kind, DateTimeOffset windowStart, string evidence, DateTimeOffset at,
        CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="take"/> flags, newest first, older than the flag <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<AccountFlag>> ListAsync(int take, long? beforeId, CancellationToken cancellationToken = default);

    /// <summary>Records that the account took a patient off, and returns how many it took off since <paramref name="since"/>, this one included.</summary>
    Task<int> RecordRemovalAsync(string accountId, string patientId, DateTimeOffset at, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Accounts with at least <paramref name="minimum"/> holds due since <paramref name="since"/> that expired or were given up, with their count.</summary>
    Task<IReadOnlyList<(string AccountId, int Lapsed)>> FindLapsedHoldsAsync(DateTimeOffset since, int minimum, CancellationToken cancellationToken = default);
}
