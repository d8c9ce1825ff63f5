namespace Hospital.Grains.Abstractions.Errors;

/// <summary>Base of the exceptions that carry a stable, documented error code (e.g. <c>slot.sold_out</c>).</summary>
[GenerateSerializer]
public abstract class HospitalException(string code, string message) : Exception(message)
{
    /// <summary>Stable machine-readable code; clients switch on it, so it never changes once published.</summary>
    [Id(0)]
    public string Code { get; } = code;

    /// <summary>Extra facts a client can act on (e.g. <c>opensAt</c>); never personal data.</summary>
    [Id(1)]
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();
}
