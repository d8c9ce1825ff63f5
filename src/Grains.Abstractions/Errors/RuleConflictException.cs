namespace Hospital.Grains.Abstractions.Errors;

/// <summary>The request is well formed but a business rule forbids it now (HTTP 409).</summary>
public sealed class RuleConflictException(string code, string message) : HospitalException(code, message);
