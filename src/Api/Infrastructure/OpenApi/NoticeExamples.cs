using Hospital.Api.Apis.Contracts;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example answers of the notice calls (release watches) in the OpenAPI document.</summary>
public static class NoticeExamples
{
    public static ReleaseWatchResponse ReleaseWatch { get; } = new("P9f8e7d6c5b4a3921", 12, new DateOnly(2026, 12, 1),
        new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.FromHours(8)));
}
