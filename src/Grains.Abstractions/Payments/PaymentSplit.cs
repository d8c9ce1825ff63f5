namespace Hospital.Grains.Abstractions.Payments;

/// <summary>A fee split into the parts that pay it (yuan, two decimals); the parts add up to the fee.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.PaymentSplit")]
public sealed record PaymentSplit(
    [property: Id(0)] decimal PooledFund,
    [property: Id(1)] decimal PersonalAccount,
    [property: Id(2)] decimal SelfPay)
{
    public decimal Total => PooledFund + PersonalAccount + SelfPay;

    public static PaymentSplit AllSelfPay(decimal fee) => new(0, 0, fee);

    public decimal Of(PaymentPart part) => part switch
    {
        PaymentPart.PooledFund => PooledFund,
        PaymentPart.PersonalAccount => PersonalAccount,
        PaymentPart.SelfPay => SelfPay,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown payment part."),
    };
}
