namespace Hospital.Api.Infrastructure.Options;

/// <summary>Settings of the HTTP layer (configuration section <c>Api</c>), validated at start by <see cref="ApiOptionsValidator"/>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Seconds a caller is told to wait (Retry-After) after a grain call timed out; a timeout carries
    /// no hint of its own, unlike an overload. Default 2.
    /// </summary>
    public int TimeoutRetryAfterSeconds { get; set; } = 2;

    /// <summary>
    /// Largest request body in bytes; larger ones are refused with 413 <c>request.too_large</c> before they are read.
    /// Every request of this API is a small JSON document (the largest, a doctor, is a few KB). Default 65,536.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 65_536;
}
