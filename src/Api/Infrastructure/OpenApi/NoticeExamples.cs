using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Queues;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example answers of the notice calls (release watches) and the queue streams in the OpenAPI document.</summary>
public static class NoticeExamples
{
    public static ReleaseWatchResponse ReleaseWatch { get; } = new("P9f8e7d6c5b4a3921", 12, new DateOnly(2026, 12, 1),
        new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.FromHours(8)));

    public static QueueBoardResponse Board { get; } = new("D0042-20261124-AM", "张建国", "2A-01", new BoardLine(7, "王*明"),
        [new BoardLine(8, "李*"), new BoardLine(10, "欧**华"), new BoardLine(9, "陈*红")]);

    public static QueuePositionResponse Position { get; } = new("D0042-20261124-AM.a1b2c3", false, 3, 24, "前面还有 3 位，预计 24 分钟。");
}
