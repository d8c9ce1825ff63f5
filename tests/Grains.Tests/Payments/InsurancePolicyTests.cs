using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;

namespace Hospital.Grains.Tests.Payments;

/// <summary>The insurance policy: the split per insurance and fee type, exact to the fen, and the start-up checks of a configured policy.</summary>
public sealed class InsurancePolicyTests
{
    [Theory]
    [InlineData(InsuranceType.SelfPay, FeeType.General, 0, 0, 20)]
    [InlineData(InsuranceType.SelfPay, FeeType.Expert, 0, 0, 20)]
    [InlineData(InsuranceType.Employee, FeeType.General, 12, 8, 0)]
    [InlineData(InsuranceType.Employee, FeeType.Expert, 8, 6, 6)]
    [InlineData(InsuranceType.Resident, FeeType.General, 12, 0, 8)]
    [InlineData(InsuranceType.Resident, FeeType.Expert, 8, 0, 12)]
    public void Split_ByDefaultPolicy_FollowsInsuranceAndFeeType(InsuranceType insurance, FeeType feeType, decimal pooled, decimal personal, decimal self)
    {
        Assert.Equal(new PaymentSplit(pooled, personal, self), new InsurancePolicyOptions().Split(20m, insurance, feeType));
    }

    [Fact]
    public void Split_RoundsInsurancePartsDownToTheFen_AndThePatientPaysTheRemainder()
    {
        var policy = Policy(pooled: 0.333m, personal: 0.333m);

        var split = policy.Split(10.01m, InsuranceType.Employee, FeeType.General);

        Assert.Equal(new PaymentSplit(3.33m, 3.33m, 3.35m), split);
        Assert.Equal(10.01m, split.Total);
    }

    [Theory]
    [InlineData(1.1, 0, "PooledFund and PersonalAccount are shares from 0 to 1")]
    [InlineData(-0.1, 0, "PooledFund and PersonalAccount are shares from 0 to 1")]
    [InlineData(0.7, 0.4, "exceed 1")]
    public void Validate_RefusesSharesOutOfRange(double pooled, double personal, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Policy((decimal)pooled, (decimal)personal).Validate());

        Assert.Contains("Payments:Insurance:Policies:General:Employee", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Validate_RefusesAPersonalAccountForResidentInsurance()
    {
        var policy = new InsurancePolicyOptions();
        policy.Policies["Expert"]["Resident"].PersonalAccount = 0.1m;

        Assert.Contains("resident insurance (居民医保) has no personal account", Assert.Throws<InvalidOperationException>(policy.Validate).Message);
    }

    [Fact]
    public void Validate_RefusesUnknownFeeTypesAndInsurances_AndMissingEntries()
    {
        var unknownFee = new InsurancePolicyOptions();
        unknownFee.Policies["Specialist"] = [];
        var unknownInsurance = new InsurancePolicyOptions();
        unknownInsurance.Policies["General"]["Commercial"] = new InsuranceShares();
        var missing = new InsurancePolicyOptions();
        missing.Policies["General"].Remove("Resident");

        Assert.Contains("Payments:Insurance:Policies:Specialist is not a fee type", Assert.Throws<InvalidOperationException>(unknownFee.Validate).Message);
        Assert.Contains("Payments:Insurance:Policies:General:Commercial is not an insurance", Assert.Throws<InvalidOperationException>(unknownInsurance.Validate).Message);
        Assert.Contains("Payments:Insurance:Policies:General:Resident is missing", Assert.Throws<InvalidOperationException>(missing.Validate).Message);
    }

    [Fact]
    public void Validate_AcceptsTheDefaults() => new InsurancePolicyOptions().Validate();

    private static InsurancePolicyOptions Policy(decimal pooled, decimal personal)
    {
        var policy = new InsurancePolicyOptions();
        policy.Policies["General"]["Employee"] = new InsuranceShares { PooledFund = pooled, PersonalAccount = personal };
        return policy;
    }
}
