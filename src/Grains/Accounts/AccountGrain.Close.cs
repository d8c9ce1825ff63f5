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
        _members.Clear();
        _bookings.Clear();
        DeactivateOnIdle();
    }
}
