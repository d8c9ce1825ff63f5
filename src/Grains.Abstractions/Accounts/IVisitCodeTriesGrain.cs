namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>
/// The visit codes one account tried today (key: the account id). Non-reentrant on purpose: parallel tries are decided one
/// after the other against the count the previous one wrote, so no burst gets more wrong tries than the daily limit.
/// </summary>
[Alias("Hospital.IVisitCodeTriesGrain")]
public interface IVisitCodeTriesGrain : IGrainWithStringKey
{
    /// <summary>
    /// Compares the presented code's hash with the expected one (null: there is none to match, which counts as wrong); a
    /// wrong try counts towards the account's daily limit, and once it is reached every try is refused until tomorrow.
    /// </summary>
    [Alias("Check")]
    Task<VisitCodeCheck> CheckAsync(string? expectedHash, string presentedHash);
}
