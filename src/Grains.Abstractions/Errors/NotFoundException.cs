namespace Hospital.Grains.Abstractions.Errors;

/// <summary>The addressed entity does not exist (HTTP 404).</summary>
[GenerateSerializer, Alias("Hospital.NotFoundException")]
public sealed class NotFoundException(string code, string message) : HospitalException(code, message);
