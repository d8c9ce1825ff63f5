namespace Hospital.Grains.Abstractions.Errors;

/// <summary>The request is well formed but a business rule forbids it now (HTTP 409).</summary>
[GenerateSerializer, Alias("Hospital.RuleConflictException")]
public sealed class RuleConflictException(string code, string message) : HospitalException(code, message);
