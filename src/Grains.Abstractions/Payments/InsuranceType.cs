namespace Hospital.Grains.Abstractions.Payments;

/// <summary>How a patient's registration fee is settled (医保类型): by medical insurance, or all by the patient.</summary>
public enum InsuranceType
{
    /// <summary>自费: no insurance; the patient pays the whole fee.</summary>
    SelfPay,
    /// <summary>职工医保: employee medical insurance, with a pooled fund and a personal account.</summary>
    Employee,
    /// <summary>居民医保: resident medical insurance, with a pooled fund and no personal account.</summary>
    Resident,
}
