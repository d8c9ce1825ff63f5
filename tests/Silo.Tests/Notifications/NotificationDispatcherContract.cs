using System.Collections.Concurrent;
using Dapper;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Accounts;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Notifications;
using Hospital.Silo.Privacy;
using Hospital.Silo.Storage.Notifications;
using Hospital.Silo.Storage.Patients;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hospital.Silo.Tests.Notifications;

/// <summary>
/// The outbox dispatcher on every backend: each notice sent once to its patient's phone, failures retried with a doubling
/// delay, a dead node's claim taken over after its lease, and racing dispatchers never sending one notice twice.
/// </summary>
public abstract class NotificationDispatcherContract(TestDatabaseFixture fixture)
{
    private static readonly NotificationOptions Settings = new() { FirstRetryDelay = TimeSpan.FromMinutes(1), MaxAttempts = 3, BatchSize = 50 };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly IPersonalDataProtector _protector = new AesGcmPersonalDataProtector(
        Options.Create(new PrivacyOptions { DataKey = Convert.ToBase64String(new byte[32]) }));
    private readonly RecordingSms _sms = new();

    [ContractFact]
    public async Task Dispatch_SendsEachNoticeToItsPatientsPhoneOnce()
    {
        var patient = await AddPatientAsync("13812345678");
        var ids = await WriteAsync(patient, "第一条", "第二条");

        await Dispatcher().DispatchAsync();
        await Dispatcher().DispatchAsync();

        Assert.Equal([("13812345678", "第一条"), ("13812345678", "第二条")], _sms.To(["13812345678"]));
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM notifications WHERE id IN @ids AND sent_at IS NOT NULL", new { ids }));
    }

    [ContractFact]
    public async Task Dispatch_AfterAFailedSend_RetriesAfterADoublingDelay_AndGivesUpAfterMaxAttempts()
    {
        var patient = await AddPatientAsync("13912345678");
        await WriteAsync(patient, "提醒");
        _sms.FailFor("13912345678");

        await Dispatcher().DispatchAsync();                 // attempt 1 fails: due again in 1 minute
        _clock.Advance(TimeSpan.FromSeconds(59));
        await Dispatcher().DispatchAsync();                 // not due yet
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Dispatcher().DispatchAsync();                 // attempt 2 fails: due again in 2 minutes
        _clock.Advance(TimeSpan.FromMinutes(2));
        await Dispatcher().DispatchAsync();                 // attempt 3 fails: given up
        _clock.Advance(TimeSpan.FromDays(1));
        await Dispatcher().DispatchAsync();

        Assert.Equal(3, _sms.AttemptsFor("13912345678"));
        Assert.Equal(3L, await ScalarAsync("SELECT attempts FROM notifications WHERE patient_id = @patient", new { patient }));
    }

    [ContractFact]
    public async Task Dispatch_AfterAFailedSend_SendsOnTheRetry()
    {
        var patient = await AddPatientAsync("13712345678");
        await WriteAsync(patient, "提醒");
        _sms.FailFor("13712345678", times: 1);

        await Dispatcher().DispatchAsync();
        _clock.Advance(Settings.FirstRetryDelay);
        await Dispatcher().DispatchAsync();

        Assert.Equal([("13712345678", "提醒")], _sms.To(["13712345678"]));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM notifications WHERE patient_id = @patient AND sent_at IS NOT NULL", new { patient }));
    }

    [ContractFact]
    public async Task Dispatch_NoticesClaimedByANodeThatDied_AreSentByAnotherOnceTheLeaseLapses()
    {
        var patient = await AddPatientAsync("13612345678");
        await WriteAsync(patient, "提醒");
        var outbox = new SqlOutbox(fixture.Database.ConnectionFactory);
        var now = _clock.GetUtcNow();
        await outbox.ClaimAsync("dead-node", now, now + Settings.ClaimLease, 1000, Settings.MaxAttempts); // claimed, never sent

        await Dispatcher().DispatchAsync();
        var duringLease = _sms.To(["13612345678"]);
        _clock.Advance(Settings.ClaimLease);
        await Dispatcher().DispatchAsync();

        Assert.Empty(duringLease);
        Assert.Equal([("13612345678", "提醒")], _sms.To(["13612345678"]));
    }

    [ContractFact]
    public async Task Dispatch_FourDispatchersRacingOverOneOutbox_SendEveryNoticeExactlyOnce()
    {
        var phones = Enumerable.Range(0, 10).Select(i => $"1350000{i:D4}").ToList();
        var patients = new List<string>();
        foreach (var phone in phones) patients.Add(await AddPatientAsync(phone));
        var texts = new List<string>();
        foreach (var (patient, n) in patients.Select((p, n) => (p, n)))
            texts.AddRange(Enumerable.Range(0, 40).Select(i => $"通知 {n}-{i}"));
        foreach (var (patient, n) in patients.Select((p, n) => (p, n))) await WriteAsync(patient, [.. texts.Where(t => t.StartsWith($"通知 {n}-", StringComparison.Ordinal))]);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var dispatcher = Dispatcher();
            while (await dispatcher.DispatchAsync() > 0) { }
        })));

        var sent = _sms.To(phones).Select(s => s.Text).ToList();
        Assert.Equal(texts.Order(), sent.Order());
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM notifications WHERE patient_id IN @patients AND sent_at IS NULL", new { patients }));
    }

    private NotificationDispatcher Dispatcher() => new(new SqlOutbox(fixture.Database.ConnectionFactory), new SqlPatientStore(fixture.Database.ConnectionFactory),
        _protector, _sms, new HospitalClock(_clock), Options.Create(Settings), NullLogger<NotificationDispatcher>.Instance);

    private async Task<string> AddPatientAsync(string phone)
    {
        var id = $"P{Guid.NewGuid():N}"[..17];
        await new SqlPatientStore(fixture.Database.ConnectionFactory).AddOrGetAsync(new StoredPatient(id, "王*", Guid.NewGuid().ToString("N"), "1****************X",
            "138****5678", _protector.Protect(phone), new DateOnly(1990, 1, 1), Sex.Female, _clock.GetUtcNow()));
        return id;
    }

    private async Task<List<long>> WriteAsync(string patientId, params string[] texts)
    {
        await new SqlOutbox(fixture.Database.ConnectionFactory).AddOnceAsync(
            [.. texts.Select(t => new KeyedNotice(Guid.NewGuid().ToString("N"), new NotificationRecord(patientId, "", "test.notice", t, _clock.GetUtcNow())))]);
        await using var connection = await fixture.Database.ConnectionFactory.OpenConnectionAsync();
        return [.. await connection.QueryAsync<long>("SELECT id FROM notifications WHERE patient_id = @patientId ORDER BY id", new { patientId })];
    }

    private async Task<long> ScalarAsync(string sql, object parameters)
    {
        await using var connection = await fixture.Database.ConnectionFactory.OpenConnectionAsync();
        return Convert.ToInt64(await connection.ExecuteScalarAsync(sql, parameters));
    }

    /// <summary>An SMS provider that records what it accepted, and refuses a phone's texts when told to.</summary>
    private sealed class RecordingSms : ISmsSender
    {
        private readonly ConcurrentQueue<(string Phone, string Text)> _sent = new();
        private readonly ConcurrentDictionary<string, int> _attempts = new();
        private readonly ConcurrentDictionary<string, int> _failures = new();

        public void FailFor(string phone, int times = int.MaxValue) => _failures[phone] = times;

        public int AttemptsFor(string phone) => _attempts.GetValueOrDefault(phone);

        public List<(string Phone, string Text)> To(IReadOnlyCollection<string> phones) => [.. _sent.Where(s => phones.Contains(s.Phone))];

        public Task SendCodeAsync(SmsCodePurpose purpose, string phone, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async Task SendTextAsync(string phone, string text, CancellationToken cancellationToken = default)
        {
            await Task.Yield(); // a real provider answers later: let racing dispatchers interleave
            var attempt = _attempts.AddOrUpdate(phone, 1, (_, n) => n + 1);
            if (attempt <= _failures.GetValueOrDefault(phone)) throw new HttpRequestException("provider refused");
            _sent.Enqueue((phone, text));
        }
    }
}

public sealed class SqliteNotificationDispatcherContract(SqliteDatabaseFixture fixture) : NotificationDispatcherContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbNotificationDispatcherContract(MariaDbDatabaseFixture fixture) : NotificationDispatcherContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
