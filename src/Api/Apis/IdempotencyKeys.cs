using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Api.Apis;

/// <summary>The Idempotency-Key header every creating or paying POST requires, so a client retrying at the peak never books twice.</summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 128;

    public static string Require(HttpRequest request)
    {
        var key = request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxLength)
            throw InputValidationException.For(Header, $"Send a unique {Header} header (1 to {MaxLength} characters) and reuse it when retrying.");
        return key;
    }

    /// <summary>Shows the required header in the OpenAPI document.</summary>
    public static TBuilder WithIdempotencyKeyHeader<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithRequiredHeader(Header, $"A unique key per intended operation (1 to {MaxLength} characters); send the same key when retrying.",
            "5f0c2a9e-3b1d-4c7a-9e2f-8d6b4a1c0e37");
}
