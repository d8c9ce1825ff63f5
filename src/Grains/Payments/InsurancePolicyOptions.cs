using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Payments;

/// <summary>
/// The medical insurance policy (section "Payments:Insurance"): per fee type, per insurance type, the shares of the fee each
/// insurance part pays. Self-pay patients pay everything and need no entry. Defaults (illustrative, set them to the local
/// medical insurance bureau's rules): general fees 60% pooled fund and, for employees, 40% personal account; expert fees 40%
/// pooled fund and, for employees, 30% personal account. Validated at start: every fee type needs both insurances, shares
/// lie in 0..1 and add up to at most 1, and resident insurance has no personal account.
/// </summary>
public sealed class InsurancePolicyOptions
{
    public const string Section = "Payments:Insurance";

    /// <summary>Fee type name → insurance type name → shares; names as in <see cref="FeeType"/> and <see cref="InsuranceType"/>.</summary>
    public Dictionary<string, Dictionary<string, InsuranceShares>> Policies { get; set; } = new()
    {
        [nameof(FeeType.General)] = new()
        {
            [nameof(InsuranceType.Employee)] = new() { PooledFund = 0.6m, PersonalAccount = 0.4m },
            [nameof(InsuranceType.Resident)] = new() { PooledFund = 0.6m },
        },
        [nameof(FeeType.Expert)] = new()
        {
            [nameof(InsuranceType.Employee)] = new() { PooledFund = 0.4m, PersonalAccount = 0.3m },
            [nameof(InsuranceType.Resident)] = new() { PooledFund = 0.4m },
        },
    };

    /// <summary>The parts of <paramref name="fee"/>: insurance parts rounded down to the fen, so the patient's part takes the remainder.</summary>
    public PaymentSplit Split(decimal fee, InsuranceType insurance, FeeType feeType)
    {
        if (insurance == InsuranceType.SelfPay) return PaymentSplit.AllSelfPay(fee);
        var shares = Policies[feeType.ToString()][insurance.ToString()];
        var pooled = Fen(fee * shares.PooledFund);
        var personal = Fen(fee * shares.PersonalAccount);
        return new PaymentSplit(pooled, personal, fee - pooled - personal);
    }

    public void Validate()
    {
        foreach (var feeType in Policies.Keys.Where(k => !Enum.TryParse<FeeType>(k, out _)))
            throw new InvalidOperationException($"{Section}:Policies:{feeType} is not a fee type; use one of {string.Join(", ", Enum.GetNames<FeeType>())}.");
        foreach (var feeType in Enum.GetNames<FeeType>())
        {
            if (!Policies.TryGetValue(feeType, out var byInsurance))
                throw new InvalidOperationException($"{Section}:Policies:{feeType} is missing: every fee type needs its insurance shares.");
            foreach (var name in byInsurance.Keys.Where(k => !Enum.TryParse<InsuranceType>(k, out var t) || t == InsuranceType.SelfPay))
                throw new InvalidOperationException($"{Section}:Policies:{feeType}:{name} is not an insurance; use {nameof(InsuranceType.Employee)} or {nameof(InsuranceType.Resident)}.");
            foreach (var insurance in new[] { nameof(InsuranceType.Employee), nameof(InsuranceType.Resident) })
                ValidateShares($"{Section}:Policies:{feeType}:{insurance}", insurance, byInsurance.GetValueOrDefault(insurance));
        }
    }

    private static void ValidateShares(string path, string insurance, InsuranceShares? shares)
    {
        if (shares is null) throw new InvalidOperationException($"{path} is missing: give its PooledFund and PersonalAccount shares.");
        if (shares.PooledFund is < 0 or > 1 || shares.PersonalAccount is < 0 or > 1)
            throw new InvalidOperationException($"{path}: PooledFund and PersonalAccount are shares from 0 to 1.");
        if (shares.PooledFund + shares.PersonalAccount > 1)
            throw new InvalidOperationException($"{path}: PooledFund + PersonalAccount exceed 1 (the whole fee).");
        if (insurance == nameof(InsuranceType.Resident) && shares.PersonalAccount != 0)
            throw new InvalidOperationException($"{path}:PersonalAccount must be 0: resident insurance (居民医保) has no personal account.");
    }

    private static decimal Fen(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.ToZero);
}
