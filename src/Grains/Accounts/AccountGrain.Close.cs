namespace Hospital.Grains.Accounts;

public sealed partial class AccountGrain
{
    /// <summary>
    /// Deletes the account and its links to patients in one transaction, then lets this activation go: a later call activates
    /// the grain anew, which finds no account and answers account.not_found.
    /// </summary>
    public async Task CloseAsync()
    {
        await accounts.DeleteAsync(AccountId);
        // A call queued behind this one may still run here before the activation goes: it finds no patients.
        _members.Clear();
        DeactivateOnIdle();
    }
}
