using Hospital.Grains.Queues;
using Microsoft.Extensions.Time.Testing;

namespace Hospital.Grains.Tests.Queues;

public sealed class QueueBoardTests
{
    [Fact]
    public async Task Publish_ManyTimesToThousandsOfListeners_GivesEachListenerOnlyTheLatestSnapshot()
    {
        var board = new QueueBoard();
        var listeners = Enumerable.Range(0, 5000).Select(_ => board.Subscribe("S1")).ToList();

        for (var n = 1; n <= 100; n++) board.Publish(Snapshot("S1", calling: n));
        var first = await Task.WhenAll(listeners.Select(FirstAsync));

        Assert.All(first, s => Assert.Equal(100, s.Calling!.SlotNo));
        listeners.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task Subscribe_AfterAPublish_StartsWithTheCurrentSnapshot_AndHearsNoOtherSession()
    {
        var board = new QueueBoard();
        board.Publish(Snapshot("S1", calling: 7));
        using var listener = board.Subscribe("S1");
        board.Publish(Snapshot("S2", calling: 9));

        Assert.Equal(7, (await FirstAsync(listener)).Calling!.SlotNo);
    }

    [Fact]
    public void AheadOf_CountsTheCalledPatientAndThoseWaitingBefore()
    {
        var snapshot = new QueueBoardSnapshot("S1", "A1", new BoardLine(1, "王*明"), [], ["A2", "A3", "A4"], null, Sequence: 1);

        Assert.Equal((1, 3, (int?)null), (snapshot.AheadOf("A2"), snapshot.AheadOf("A4"), snapshot.AheadOf("A9")));
    }

    [Fact]
    public async Task Publish_OfAnOlderOrRepeatedSnapshot_ChangesNothing_AsWhenTwoNodesRelayTheSameQueue()
    {
        var board = new QueueBoard();
        using var listener = board.Subscribe("S1");
        board.Publish(Snapshot("S1", calling: 8));
        board.Publish(Snapshot("S1", calling: 7));
        board.Publish(Snapshot("S1", calling: 8) with { Next = [new BoardLine(9, "李*")] });

        Assert.Equal((8, 0), ((await FirstAsync(listener)).Calling!.SlotNo, board.Find("S1")!.Next.Count));
    }

    [Fact]
    public void Subscribe_TellsOnlyTheNodesFirstListenerOfASessionToWatchIt_AndListsTheSessionsListenedTo()
    {
        var board = new QueueBoard();

        var first = board.Subscribe("S1");
        using var second = board.Subscribe("S1");
        using var other = board.Subscribe("S2");
        first.Dispose();
        using var afterwards = board.Subscribe("S1");

        Assert.Equal((true, false, true, false), (first.FirstOnNode, second.FirstOnNode, other.FirstOnNode, afterwards.FirstOnNode));
        Assert.Equal(["S1", "S2"], board.ListenedSessions().Order());
    }

    // The slot called stands for the queue's sequence: a later call is a later snapshot.
    private static QueueBoardSnapshot Snapshot(string sessionId, int calling) =>
        new(sessionId, $"A{calling}", new BoardLine(calling, "王*明"), [], [], null, Sequence: calling);

    private static async Task<QueueBoardSnapshot> FirstAsync(QueueBoardSubscription listener)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var snapshot in listener.ReadAsync(TimeSpan.FromSeconds(1), new FakeTimeProvider(), stop.Token)) return snapshot;
        throw new InvalidOperationException("The stream ended.");
    }
}
