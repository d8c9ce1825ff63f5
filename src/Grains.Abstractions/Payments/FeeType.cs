namespace Hospital.Grains.Abstractions.Payments;

/// <summary>The kind of registration fee, which the insurance policy splits by: from the doctor's title.</summary>
public enum FeeType
{
    /// <summary>普通号: attending and resident physicians.</summary>
    General,
    /// <summary>专家号: chief and associate chief physicians.</summary>
    Expert,
}
