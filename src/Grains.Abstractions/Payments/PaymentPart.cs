namespace Hospital.Grains.Abstractions.Payments;

/// <summary>Who pays a share of a fee (医保结算), and so where its refund goes back to.</summary>
public enum PaymentPart
{
    /// <summary>统筹: the insurance's pooled fund.</summary>
    PooledFund,
    /// <summary>个人账户: the patient's insurance personal account.</summary>
    PersonalAccount,
    /// <summary>自付: the patient's own money, through the payment gateway.</summary>
    SelfPay,
}
