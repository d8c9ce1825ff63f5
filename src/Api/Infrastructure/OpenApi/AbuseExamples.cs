using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abuse;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example requests and responses of the anti-scalping admin calls in the OpenAPI document.</summary>
public static class AbuseExamples
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static FreezeRequest FreezeRequest { get; } = new("黄牛嫌疑：同一设备 23 个账号在放号时抢号");

    public static FreezeResponse Changed(FrozenSubject subject, bool frozen) => new(subject, subject == FrozenSubject.Account ? "A1c2e3f4a5b6c7d8e" : "P9f8e7d6c5b4a3921",
        frozen, FreezeRequest.Reason!, "staff:chief", new DateTimeOffset(2026, 11, 23, 9, 30, 0, China));

    public static LiftSuspensionRequest LiftRequest { get; } = new("患者因急诊住院未能就诊，已提供住院证明");

    public static SuspensionLiftResponse Lifted { get; } = new("P9f8e7d6c5b4a3921", SuspensionCause.NoShows, 2, new DateOnly(2027, 1, 24),
        LiftRequest.Reason!, "staff:chief", new DateTimeOffset(2026, 11, 26, 10, 15, 0, China));

    public static AccountFlagPage FlagPage { get; } = new(
    [
        new(42, "A1c2e3f4a5b6c7d8e", AccountFlagKind.SharedSource, "23 accounts booked from IP 203.0.113.* within 10 minutes (flagged above 10)",
            new DateTimeOffset(2026, 11, 23, 7, 0, 4, China)),
        new(41, "A7d8e9f0a1b2c3d4e", AccountFlagKind.LapsedHolds, "4 holds expired unpaid or given up within 7 days (flagged at 3)",
            new DateTimeOffset(2026, 11, 23, 6, 50, 0, China)),
    ], NextCursor: "41");
}
