using System.Data.Common;
using Dapper;
using Hospital.Silo.Storage;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;

namespace Hospital.Silo.Tests.Storage;

/// <summary>
/// Rows written by a <see cref="RowSetCommand"/> (inserts as VALUES lists of literals, updates joined to JSON row sets) arrive
/// exactly as sent, on each backend, and a row the table refuses writes nothing.
/// </summary>
public abstract class RowSetCommandContract(TestDatabaseFixture fixture)
{
    private static readonly RowSetColumn[] Refunds =
    [
        new("id", RowSetKind.Text), new("appointment_id", RowSetKind.Text), new("payment_id", RowSetKind.Text),
        new("amount", RowSetKind.Money), new("reason", RowSetKind.Text), new("created_at", RowSetKind.Instant),
    ];

    private static readonly DateTime At = new(2026, 11, 22, 5, 6, 7, DateTimeKind.Utc);

    // Quotes, a backslash, JSON and SQL punctuation, a parameter marker, Chinese, an emoji, a line break and a NUL must all survive the trip.
    protected static readonly Refund[] Rows =
    [
        new("r1", "a1", "p1", 50.00m, "医生停诊 O'Brien \"say\" \\ {\"x\":1}; -- @rows0 ? 🙂\nnext\0line", At.AddTicks(1_234_560)),
        new("r2", "a2", "p2", 12.34m, "", At),
        new("r3", "a3", "p3", 0.5m, "plain", At.AddDays(-400)),
    ];

    [ContractFact]
    public async Task Insert_TrickyTextMoneyAndInstants_ReadsBackExactly()
    {
        await using var connection = await OpenAsync();

        var inserted = Insert(connection, Rows);

        Assert.Equal(Rows.Length, inserted);
        Assert.Equal(Rows, await ReadAsync(connection));
    }

    [ContractFact]
    public async Task Update_KeyedRows_ChangesThoseRowsOnly()
    {
        await using var connection = await OpenAsync();
        Insert(connection, Rows);
        Refund[] changed = [Rows[0] with { Amount = 40m, Reason = "改期 \\ '" }, Rows[2] with { CreatedAt = At.AddTicks(10) }];

        var matched = Update(connection, changed);

        Assert.Equal(2, matched);
        Assert.Equal([changed[0], Rows[1], changed[1]], await ReadAsync(connection));
    }

    [ContractFact]
    public async Task Execute_SeveralStatementsInOneCommand_RunsThemInOrderAndCountsEveryRow()
    {
        await using var connection = await OpenAsync();
        var renamed = Rows[0] with { Reason = "changed in the same command" };

        var count = Command().Insert("refunds", Refunds, Rows, Values).Update("refunds", Refunds, [renamed], Values)
            .Execute(connection, null);

        Assert.Equal(Rows.Length + 1, count);
        Assert.Equal([renamed, Rows[1], Rows[2]], await ReadAsync(connection));
    }

    /// <summary>24 MB of rows: more than MariaDB takes in one packet (16 MB by default), so one command would be refused.</summary>
    [ContractFact]
    public async Task Insert_MoreRowsThanOnePacketTakes_SendsThemInSeveralRoundTripsAndStoresThemAll()
    {
        await using var connection = await OpenAsync();
        RowSetColumn[] columns =
        [
            new("state_name", RowSetKind.Text), new("grain_key", RowSetKind.Text), new("etag", RowSetKind.Text),
            new("payload", RowSetKind.Text), new("updated_at", RowSetKind.Instant),
        ];
        var payload = new string('x', 1_000_000);
        var keys = Enumerable.Range(0, 24).Select(i => $"key-{i}").ToList();

        var inserted = Command().Insert("grain_state", columns, keys, key => ["big", key, new string('0', 32), payload, At])
            .Execute(connection, null);

        Assert.Equal(keys.Count, inserted);
        Assert.Equal(keys.Count * (long)payload.Length, await connection.ExecuteScalarAsync<long>("SELECT SUM(LENGTH(payload)) FROM grain_state"));
    }

    [ContractFact]
    public async Task Insert_ARowWithADuplicateKey_WritesNoneOfTheRows()
    {
        await using var connection = await OpenAsync();
        Insert(connection, [Rows[0]]);

        Assert.ThrowsAny<DbException>(() => Insert(connection, [Rows[1], Rows[0] with { Reason = "again" }]));

        Assert.Equal([Rows[0]], await ReadAsync(connection));
    }

    protected async Task<DbConnection> OpenAsync()
    {
        var database = await fixture.CreateDatabaseAsync();
        return await database.ConnectionFactory.OpenConnectionAsync();
    }

    protected int Insert(DbConnection connection, IReadOnlyList<Refund> rows) =>
        Command().Insert("refunds", Refunds, rows, Values).Execute(connection, null);

    protected int Update(DbConnection connection, IReadOnlyList<Refund> rows) =>
        Command().Update("refunds", Refunds, rows, Values).Execute(connection, null);

    private RowSetCommand Command() => new(fixture.Database.ConnectionFactory.Dialect);

    protected static async Task<List<Refund>> ReadAsync(DbConnection connection) =>
        (await connection.QueryAsync<RefundRow>(
            "SELECT id AS Id, appointment_id AS AppointmentId, payment_id AS PaymentId, amount AS Amount, reason AS Reason, created_at AS CreatedAt FROM refunds ORDER BY id"))
        .Select(r => new Refund(r.Id, r.AppointmentId, r.PaymentId, r.Amount, r.Reason, DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)))
        .ToList();

    private static object?[] Values(Refund r) => [r.Id, r.AppointmentId, r.PaymentId, r.Amount, r.Reason, r.CreatedAt];

    protected sealed record Refund(string Id, string AppointmentId, string PaymentId, decimal Amount, string Reason, DateTime CreatedAt);

    private sealed class RefundRow
    {
        public string Id { get; set; } = "";
        public string AppointmentId { get; set; } = "";
        public string PaymentId { get; set; } = "";
        public decimal Amount { get; set; }
        public string Reason { get; set; } = "";
        public DateTime CreatedAt { get; set; }
    }
}

public sealed class SqliteRowSetCommandContract(SqliteDatabaseFixture fixture) : RowSetCommandContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbRowSetCommandContract(MariaDbDatabaseFixture fixture) : RowSetCommandContract(fixture), IClassFixture<MariaDbDatabaseFixture>
{
    /// <summary>Strict mode refuses a value longer than its column in a VALUES list instead of truncating it.</summary>
    [ContractFact]
    public async Task Insert_AValueLongerThanItsColumn_IsRefusedAndWritesNothing()
    {
        await using var connection = await OpenAsync();

        Assert.ThrowsAny<DbException>(() => Insert(connection, [Rows[1] with { Reason = new string('长', 257) }]));

        Assert.Empty(await ReadAsync(connection));
    }

    /// <summary>JSON_TABLE's own column types are wide on purpose: the table's length limit must refuse, not truncate.</summary>
    [ContractFact]
    public async Task Update_AValueLongerThanItsColumn_IsRefusedAndChangesNothing()
    {
        await using var connection = await OpenAsync();
        Insert(connection, Rows);

        Assert.ThrowsAny<DbException>(() => Update(connection, [Rows[1] with { Reason = new string('长', 257) }]));

        Assert.Equal(Rows, await ReadAsync(connection));
    }
}
