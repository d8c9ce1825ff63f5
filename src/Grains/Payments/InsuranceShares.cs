namespace Hospital.Grains.Payments;

/// <summary>
/// The shares of a fee an insurance pays (0 to 1 each, together at most 1): the pooled fund (统筹) first, then the personal
/// account (个人账户); the patient pays the rest (自付).
/// </summary>
public sealed class InsuranceShares
{
    public decimal PooledFund { get; set; }

    public decimal PersonalAccount { get; set; }
}
