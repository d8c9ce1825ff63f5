using Orleans.Storage;
using Hospital.Silo.Storage;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;

namespace Hospital.Silo.Tests.Storage;

/// <summary>The grain state store's contract, run on every backend by its subclasses. Each test uses its own grain key.</summary>
public abstract class GrainStateStoreContract(TestDatabaseFixture fixture)
{
    private const string StateName = "pool";

    private readonly SqlGrainStateStore _store = new(fixture.Database.ConnectionFactory, TimeProvider.System);
    private readonly string _key = $"session-{Guid.NewGuid():N}";

    [ContractFact]
    public async Task Read_WhenNothingStored_ReturnsNull() =>
        Assert.Null(await _store.ReadAsync(StateName, _key));

    [ContractFact]
    public async Task Write_WithoutEtagOnNewKey_StoresPayloadAndReturnsItsEtag()
    {
        var etag = await _store.WriteAsync(StateName, _key, """{"free":3}""", expectedEtag: null);

        Assert.Equal(new StoredGrainState("""{"free":3}""", etag), await _store.ReadAsync(StateName, _key));
    }

    [ContractFact]
    public async Task Write_WithCurrentEtag_ReplacesPayloadAndChangesEtag()
    {
        var first = await _store.WriteAsync(StateName, _key, """{"free":3}""", null);

        var second = await _store.WriteAsync(StateName, _key, """{"free":2}""", first);

        Assert.NotEqual(first, second);
        Assert.Equal(new StoredGrainState("""{"free":2}""", second), await _store.ReadAsync(StateName, _key));
    }

    [ContractFact]
    public async Task Write_WithoutEtagWhenRowExists_ThrowsAndChangesNothing()
    {
        var etag = await _store.WriteAsync(StateName, _key, "1", null);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _store.WriteAsync(StateName, _key, "2", null));

        Assert.Equal(etag, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
        Assert.Equal(new StoredGrainState("1", etag), await _store.ReadAsync(StateName, _key));
    }

    [ContractFact]
    public async Task Write_WithStaleEtag_ThrowsAndChangesNothing()
    {
        var stale = await _store.WriteAsync(StateName, _key, "1", null);
        var current = await _store.WriteAsync(StateName, _key, "2", stale);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _store.WriteAsync(StateName, _key, "3", stale));

        Assert.Equal(current, conflict.StoredEtag);
        Assert.Equal(stale, conflict.CurrentEtag);
        Assert.Equal(new StoredGrainState("2", current), await _store.ReadAsync(StateName, _key));
    }

    [ContractFact]
    public async Task Write_WithEtagWhenNoRowExists_ThrowsAndCreatesNothing()
    {
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _store.WriteAsync(StateName, _key, "1", "0123456789abcdef0123456789abcdef"));

        Assert.Null(conflict.StoredEtag);
        Assert.Null(await _store.ReadAsync(StateName, _key));
    }

    [ContractFact]
    public async Task Write_KeysDifferingInStateNameOrCase_AreSeparateDocuments()
    {
        await _store.WriteAsync(StateName, _key, "pool", null);
        await _store.WriteAsync("queue", _key, "queue", null);
        await _store.WriteAsync(StateName, _key.ToUpperInvariant(), "upper", null);

        Assert.Equal("pool", (await _store.ReadAsync(StateName, _key))?.PayloadJson);
        Assert.Equal("queue", (await _store.ReadAsync("queue", _key))?.PayloadJson);
        Assert.Equal("upper", (await _store.ReadAsync(StateName, _key.ToUpperInvariant()))?.PayloadJson);
    }

    [ContractFact]
    public async Task Write_PayloadWithChineseAndFourByteCharacters_ReadsBackUnchanged()
    {
        const string payload = """{"doctor":"张医生","note":"😷 𠀀"}""";

        await _store.WriteAsync(StateName, _key, payload, null);

        Assert.Equal(payload, (await _store.ReadAsync(StateName, _key))?.PayloadJson);
    }

    [ContractFact]
    public async Task Clear_WithCurrentEtag_RemovesRowSoItCanBeCreatedAgain()
    {
        var etag = await _store.WriteAsync(StateName, _key, "1", null);

        await _store.ClearAsync(StateName, _key, etag);

        Assert.Null(await _store.ReadAsync(StateName, _key));
        var recreated = await _store.WriteAsync(StateName, _key, "2", null);
        Assert.NotEqual(etag, recreated);
    }

    [ContractFact]
    public async Task Clear_WithStaleEtag_ThrowsAndKeepsRow()
    {
        var stale = await _store.WriteAsync(StateName, _key, "1", null);
        var current = await _store.WriteAsync(StateName, _key, "2", stale);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _store.ClearAsync(StateName, _key, stale));

        Assert.Equal(new StoredGrainState("2", current), await _store.ReadAsync(StateName, _key));
    }

    [ContractFact]
    public async Task Clear_WithoutEtag_SucceedsWhenNothingStoredAndThrowsWhenARowExists()
    {
        await _store.ClearAsync(StateName, _key, null);
        var etag = await _store.WriteAsync(StateName, _key, "1", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _store.ClearAsync(StateName, _key, null));

        Assert.Equal(new StoredGrainState("1", etag), await _store.ReadAsync(StateName, _key));
    }

    [ContractFact]
    public async Task Write_By32WritersWithTheSameEtag_ExactlyOneWinsAndItsPayloadIsStored()
    {
        var read = await _store.WriteAsync(StateName, _key, "initial", null);

        var outcomes = await RaceAsync(writer => _store.WriteAsync(StateName, _key, $"writer-{writer}", read));

        AssertExactlyOneWinnerIsStored(outcomes, await _store.ReadAsync(StateName, _key));
    }

    [ContractFact]
    public async Task Write_By32CreatorsOfOneNewKey_ExactlyOneWinsAndItsPayloadIsStored()
    {
        var outcomes = await RaceAsync(writer => _store.WriteAsync(StateName, _key, $"writer-{writer}", null));

        AssertExactlyOneWinnerIsStored(outcomes, await _store.ReadAsync(StateName, _key));
    }

    private static async Task<(int Writer, string? Etag, Exception? Error)[]> RaceAsync(Func<int, Task<string>> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 32).Select(async writer =>
        {
            await start.Task;
            try
            {
                return (writer, (string?)await write(writer), (Exception?)null);
            }
            catch (Exception error)
            {
                return (writer, null, error);
            }
        }).ToList();

        start.SetResult();
        return await Task.WhenAll(writers);
    }

    private static void AssertExactlyOneWinnerIsStored((int Writer, string? Etag, Exception? Error)[] outcomes, StoredGrainState? stored)
    {
        var winner = Assert.Single(outcomes, outcome => outcome.Error is null);
        Assert.All(outcomes.Where(outcome => outcome.Error is not null), loser => Assert.IsType<InconsistentStateException>(loser.Error));
        Assert.Equal(new StoredGrainState($"writer-{winner.Writer}", winner.Etag!), stored);
    }
}
