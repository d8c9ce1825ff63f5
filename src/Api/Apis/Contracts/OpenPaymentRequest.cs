using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// How the patient settles the fee: <see cref="InsuranceType.Employee"/> (职工医保), <see cref="InsuranceType.Resident"/>
/// (居民医保) or <see cref="InsuranceType.SelfPay"/> (自费, the default when there is no body).
/// </summary>
public sealed record OpenPaymentRequest(InsuranceType? InsuranceType);
