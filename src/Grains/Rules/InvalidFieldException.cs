namespace Hospital.Grains.Rules;

/// <summary>
/// A field outside what the hospital, the session key or the database column allows. <see cref="Reason"/> is written
/// for the client (it states the limit); <see cref="ArgumentException.ParamName"/> is the record's parameter.
/// </summary>
public sealed class InvalidFieldException(string field, string reason) : ArgumentException(reason, field)
{
    /// <summary>What is wrong and what the limit is, without the runtime's "(Parameter …)" suffix.</summary>
    public string Reason { get; } = reason;
}
