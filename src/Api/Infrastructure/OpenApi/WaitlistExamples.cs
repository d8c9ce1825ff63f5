using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Waitlists;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example requests and answers shown in the OpenAPI document for waitlists (候补).</summary>
public static class WaitlistExamples
{
    private const string SessionId = "D0042-20261124-AM";
    private const string PatientId = "P7c1e0a9b2d3f4e5";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static JoinWaitlistRequest Join { get; } = new(SessionId);

    public static WaitlistEntryView Waiting { get; } = new(
        SessionId + ".5e6f7a8b9c0d1e2f", SessionId, PatientId, WaitlistStatus.Waiting, Position: 3,
        JoinedAt: new DateTimeOffset(2026, 11, 23, 7, 0, 40, China), UpdatedAt: new DateTimeOffset(2026, 11, 23, 7, 0, 40, China));

    public static WaitlistEntryView Offered { get; } = Waiting with
    {
        Status = WaitlistStatus.Offered, Position = null, UpdatedAt = new DateTimeOffset(2026, 11, 23, 9, 12, 5, China),
    };

    public static WaitlistEntryView Left { get; } = Waiting with
    {
        Status = WaitlistStatus.Left, Position = null, UpdatedAt = new DateTimeOffset(2026, 11, 23, 8, 30, 0, China),
    };

    public static IReadOnlyList<WaitlistEntryView> Current { get; } =
        [Offered, Waiting with { Id = "D0042-20261125-PM.0a1b2c3d4e5f6a7b", SessionId = "D0042-20261125-PM", Position = 1 }];

    public static ProblemDetails SlotsFreeProblem { get; } = ApiExamples.Problem(StatusCodes.Status409Conflict, "Conflict",
        "This session still has free slots: book one instead of waiting.", "waitlist.slots_free");
}
