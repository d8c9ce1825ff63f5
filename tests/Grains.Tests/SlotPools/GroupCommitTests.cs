using Orleans.Storage;
using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>
/// The group commit's contract, driven on one exclusive scheduler as a grain's turns are: decisions made during a
/// write join the next batch, callers wait for their batch, and failures fail exactly their batch.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly TaskScheduler _turns = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
    private readonly List<PoolBatch> _written = [];
    private readonly Queue<TaskCompletionSource> _writes = new();
    private int _handedToWriter;

    [Fact]
    public async Task Submit_WhileABatchIsBeingWritten_StartsTheNextBatchAtOnce_WrittenOnlyAfterTheFirstCommits()
    {
        var commits = new GroupCommit(PoolFactory.Create(50), GatedWriteAsync, () => Task.FromResult(PoolFactory.Create(50)));

        var first = await OnTurnAsync(() => Hold(commits, "first"));
        var rest = await OnTurnAsync(() => Enumerable.Range(0, 20).Select(i => Hold(commits, $"p{i}")).ToList());
        await WaitForWritesAsync(1);
        var handedBeforeCommit = _handedToWriter;
        var sealedBeforeCommit = _written.Count;
        var answeredBeforeCommit = rest.Any(t => t.IsCompleted) || first.IsCompleted;
        ReleaseWrite();
        await first.WaitAsync(Limit);
        await WaitForWritesAsync(2);
        ReleaseWrite();
        await Task.WhenAll(rest).WaitAsync(Limit);

        Assert.Equal((2, 1), (handedBeforeCommit, sealedBeforeCommit));
        Assert.False(answeredBeforeCommit);
        Assert.Equal([1, 20], _written.Select(b => b.Inserts.Count));
        Assert.Equal([0L, 1L], _written.Select(b => b.ExpectedVersion));
    }

    [Fact]
    public async Task Submit_WhileTheBatchWaitsForABusyWriter_JoinsThatBatch()
    {
        var writerFree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commits = new GroupCommit(PoolFactory.Create(50), async batch =>
        {
            await writerFree.Task; // the writer is still busy with other pools' transaction
            _written.Add(batch.Seal());
        }, () => Task.FromResult(PoolFactory.Create(50)));

        var first = await OnTurnAsync(() => Hold(commits, "first"));
        var rest = await OnTurnAsync(() => Enumerable.Range(0, 20).Select(i => Hold(commits, $"p{i}")).ToList());
        var answeredBeforeCommit = rest.Any(t => t.IsCompleted) || first.IsCompleted;
        writerFree.SetResult();
        await Task.WhenAll([first, .. rest]).WaitAsync(Limit);

        Assert.False(answeredBeforeCommit);
        var batch = Assert.Single(_written);
        Assert.Equal(21, batch.Inserts.Count);
        Assert.Equal(21, batch.HeldCount);
    }

    [Fact]
    public async Task WriteFailure_FailsExactlyThatBatch_AndTheNextBatchIsDecidedAgainAndCommitted()
    {
        var commits = new GroupCommit(PoolFactory.Create(50), GatedWriteAsync, () => Task.FromResult(PoolFactory.Create(50)));

        var doomed = await OnTurnAsync(() => Hold(commits, "doomed"));
        var queued = await OnTurnAsync(() => Hold(commits, "queued"));
        await WaitForWritesAsync(1);
        _writes.Dequeue().SetException(new IOException("disk full"));
        await WaitForWritesAsync(2);
        ReleaseWrite();

        await Assert.ThrowsAsync<IOException>(() => doomed.WaitAsync(Limit));
        var held = await queued.WaitAsync(Limit);
        Assert.Equal(1, held.Appointment!.SlotNo); // decided again on the reloaded pool, where slot 1 is free
        // The batch that followed the failed one was never written; its command went into a new one on the stored version.
        Assert.Equal(2, _written.Count);
        Assert.Equal(["queued-appointment"], _written[1].Inserts.Select(a => a.Id));
        Assert.Equal(0L, _written[1].ExpectedVersion);
    }

    [Fact]
    public async Task VersionConflict_ReloadsAndWritesTheSameCommandsAgain()
    {
        var stored = PoolFactory.Create(50);
        stored.Version = 7; // another node wrote meanwhile
        var commits = new GroupCommit(PoolFactory.Create(50), GatedWriteAsync, () => Task.FromResult(stored));

        var hold = await OnTurnAsync(() => Hold(commits, "a"));
        await WaitForWritesAsync(1);
        _writes.Dequeue().SetException(new InconsistentStateException("stale", "7", "0"));
        await WaitForWritesAsync(2);
        ReleaseWrite();

        Assert.Equal(HoldOutcome.Held, (await hold.WaitAsync(Limit)).Outcome);
        Assert.Equal(7L, _written[1].ExpectedVersion);
    }

    [Fact]
    public async Task VersionConflict_WithABatchBehindIt_DecidesBothAgainInArrivalOrder()
    {
        var stored = PoolFactory.Create(50);
        stored.Version = 7;
        var commits = new GroupCommit(PoolFactory.Create(50), GatedWriteAsync, () => Task.FromResult(stored));

        var first = await OnTurnAsync(() => Hold(commits, "a"));
        var behind = await OnTurnAsync(() => Hold(commits, "b"));
        await WaitForWritesAsync(1);
        _writes.Dequeue().SetException(new InconsistentStateException("stale", "7", "0"));
        await WaitForWritesAsync(2);
        ReleaseWrite();
        await WaitForWritesAsync(3);
        ReleaseWrite();

        Assert.Equal([1, 2], (await Task.WhenAll(first, behind).WaitAsync(Limit)).Select(h => h.Appointment!.SlotNo));
        // The batch behind the stale one was dropped unwritten; both were decided again on the stored version, in order.
        Assert.Equal(3, _written.Count);
        Assert.Equal(["a-appointment", "b-appointment"], _written.Skip(1).Select(b => Assert.Single(b.Inserts).Id));
        Assert.Equal([7L, 8L], _written.Skip(1).Select(b => b.ExpectedVersion));
    }

    [Fact]
    public async Task Refresh_WhileABatchIsBeingWritten_StartsNoFurtherBatchUntilTheReload()
    {
        var stored = PoolFactory.Create(50);
        stored.Hold(PoolFactory.Hold("a"), PoolFactory.Now, HoldFor);
        stored.Version = 1;
        var commits = new GroupCommit(PoolFactory.Create(50), GatedWriteAsync, () => Task.FromResult(stored));

        var first = await OnTurnAsync(() => Hold(commits, "a"));
        await WaitForWritesAsync(1);
        await OnTurnAsync(commits.RefreshAsync);
        var later = await OnTurnAsync(() => Hold(commits, "b"));
        var handedDuringTheWrite = _handedToWriter;
        ReleaseWrite();
        await first.WaitAsync(Limit);
        await WaitForWritesAsync(2);
        ReleaseWrite();

        Assert.Equal(1, handedDuringTheWrite);
        Assert.Equal(2, (await later.WaitAsync(Limit)).Appointment!.SlotNo);
        Assert.Equal(1L, _written[1].ExpectedVersion);
    }

    [Fact]
    public async Task ReloadFailure_EveryLaterCommandTriesTheReloadFirst_AndIsDecidedOnceTheDatabaseAnswers()
    {
        var databaseUp = false;
        var reloads = 0;
        var commits = new GroupCommit(PoolFactory.Create(50), GatedWriteAsync, () =>
        {
            reloads++;
            return databaseUp ? Task.FromResult(PoolFactory.Create(50)) : Task.FromException<SlotPool>(new IOException("down"));
        });

        var hold = await OnTurnAsync(() => Hold(commits, "a"));
        await WaitForWritesAsync(1);
        _writes.Dequeue().SetException(new IOException("down"));
        await Assert.ThrowsAsync<IOException>(() => hold.WaitAsync(Limit));
        var whileDown = await OnTurnAsync(() => Hold(commits, "b"));
        await Assert.ThrowsAsync<IOException>(() => whileDown.WaitAsync(Limit));
        var readWhileDown = commits.Committed.Availability(PoolFactory.Now).Available;
        databaseUp = true;
        var afterwards = await OnTurnAsync(() => Hold(commits, "c"));
        await WaitForWritesAsync(2);
        ReleaseWrite();

        Assert.Equal(HoldOutcome.Held, (await afterwards.WaitAsync(Limit)).Outcome);
        Assert.Equal(3, reloads); // after the failed write, for "b", for "c"
        Assert.Equal(PoolFactory.Create(50).Availability(PoolFactory.Now).Available, readWhileDown);
    }

    [Fact]
    public async Task Refresh_WhileABatchIsBeingWritten_ReloadsOnceThatBatchIsCommitted()
    {
        // The database as it stands after our write: our hold, plus one another node wrote.
        var stored = PoolFactory.Create(50);
        stored.Hold(PoolFactory.Hold("ours"), PoolFactory.Now, HoldFor);
        stored.Hold(PoolFactory.Hold("elsewhere"), PoolFactory.Now, HoldFor);
        stored.Version = 2;
        var commits = new GroupCommit(PoolFactory.Create(50), GatedWriteAsync, () => Task.FromResult(stored));

        var hold = await OnTurnAsync(() => Hold(commits, "ours"));
        await WaitForWritesAsync(1);
        var events = new List<string>();
        var refresh = await OnTurnAsync(commits.RefreshAsync);
        var refreshed = refresh.ContinueWith(_ => { lock (events) events.Add("refreshed"); }, TaskContinuationOptions.ExecuteSynchronously);
        await OnTurnAsync(() => true); // every turn queued before this one has run: a refresh not waiting would be done
        lock (events) events.Add("write released");
        ReleaseWrite();
        await Task.WhenAll(hold, refreshed).WaitAsync(Limit);

        Assert.Equal(["write released", "refreshed"], events);
        Assert.NotNull(commits.Pool.Find("elsewhere-appointment"));
        Assert.Equal(2L, commits.Pool.Version);
    }

    private static Task<HoldResult> Hold(GroupCommit commits, string patient) =>
        commits.SubmitAsync(pool => pool.Hold(PoolFactory.Hold(patient), PoolFactory.Now, HoldFor));

    /// <summary>
    /// A writer that starts each transaction (sealing the batch) at once, or for a batch that follows another once that
    /// one has committed, dropping it if that one failed, as the node's writer does; it commits when the test releases it.
    /// </summary>
    private async Task GatedWriteAsync(PendingBatch batch)
    {
        Interlocked.Increment(ref _handedToWriter);
        if (batch.After is { } after)
        {
            try
            {
                await after;
            }
            catch (Exception)
            {
                throw new OperationCanceledException("The batch it follows failed.");
            }
        }
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_writes)
        {
            _written.Add(batch.Seal());
            _writes.Enqueue(gate);
        }
        await gate.Task;
    }

    private void ReleaseWrite()
    {
        lock (_writes) _writes.Dequeue().SetResult();
    }

    private async Task WaitForWritesAsync(int count)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            lock (_writes) if (_written.Count >= count && _writes.Count > 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Expected {count} writes, saw {_written.Count}.");
            await Task.Delay(5);
        }
    }

    /// <summary>Runs code as one turn on the exclusive scheduler, like a grain call.</summary>
    private Task<T> OnTurnAsync<T>(Func<T> turn) => Task.Factory.StartNew(turn, CancellationToken.None, TaskCreationOptions.None, _turns);
}
