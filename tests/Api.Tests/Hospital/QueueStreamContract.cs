using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Hospital.Grains.Abstractions.Queues;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// The live queue over HTTP: hundreds of waiting-room screens see the call with masked names, and a patient sees their
/// own position with the wait estimated from the visit measured in the session.
/// </summary>
public abstract class QueueStreamContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private const int Screens = 500;

    [ContractFact]
    public async Task QueueStreams_WithFiveHundredScreens_ShowEveryScreenTheCall_AndThePatientTheirPositionAndWait()
    {
        var session = TestCatalog.Session(0);
        var patients = new[] { await RegisterPatientAsync(1), await RegisterPatientAsync(2), await RegisterPatientAsync(3) };
        var booked = new List<string>();
        var codes = new List<string>();
        foreach (var patient in patients)
        {
            booked.Add((await BookAsync(session, patient)).Id);
            codes.Add(await VisitCodeAsync(patient, TokenOf(patient)));
        }
        Clock.Advance(TimeSpan.FromHours(1)); // 07:30: the three slots' check-in is open
        var queue = App.Services.GetRequiredService<IGrainFactory>().GetGrain<IQueueGrain>(session);
        for (var i = 0; i < 3; i++) await queue.CheckInAsync(booked[i], codes[i], "kiosk");
        await queue.CallNextAsync("doctor");
        await queue.StartVisitAsync(booked[0], "doctor");
        Clock.Advance(TimeSpan.FromMinutes(10));
        await queue.CompleteVisitAsync(booked[0], "doctor"); // one visit measured: 10 minutes

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var screens = Enumerable.Range(0, Screens).Select(_ => new ConcurrentQueue<JsonElement>()).ToList();
        var readers = screens.Select(events => Task.Run(() => ListenAsync($"/api/stream/queues/{session}", null, events, stop.Token))).ToList();
        var position = new ConcurrentQueue<JsonElement>();
        var token = (await SignInAccountAsync(App, AccountPhone)).AccessToken;
        readers.Add(Task.Run(() => ListenAsync($"/api/stream/appointments/{booked[2]}/position", token, position, stop.Token)));
        var waiting = await Eventually.ReturnsAsync(() => Task.FromResult(screens.Count(s => !s.IsEmpty)), n => n == Screens, TimeSpan.FromSeconds(30));
        var pump = PumpClockAsync(TimeSpan.FromMilliseconds(250), stop.Token);
        await queue.CallNextAsync("doctor");

        var called = await Eventually.ReturnsAsync(() => Task.FromResult(screens.Count(s => Calling(s.Last()) == 2)), n => n == Screens, TimeSpan.FromSeconds(30));
        await Said(position, "前面还有 1 位，预计 10 分钟。");  // the second patient is called: still one before
        await queue.StartVisitAsync(booked[1], "doctor");
        await Said(position, "下一位就是您，请在诊室门口等候。");
        await queue.CallNextAsync("doctor");
        await Said(position, "正在叫您的号，请到诊室就诊。");
        await stop.CancelAsync();
        await Task.WhenAll([.. readers, pump]);

        Assert.Equal((Screens, Screens), (waiting, called));
        var board = screens[0].Last(b => Calling(b) == 2);
        Assert.Equal(("测试医生1", "2A-01", "张*"), (board.GetProperty("doctorName").GetString(), board.GetProperty("room").GetString(),
            board.GetProperty("calling").GetProperty("name").GetString()));
        Assert.Equal([3], board.GetProperty("next").EnumerateArray().Select(l => l.GetProperty("slotNo").GetInt32()));
        Assert.Equal(["前面还有 1 位，预计 10 分钟。", "下一位就是您，请在诊室门口等候。", "正在叫您的号，请到诊室就诊。"],
            position.Select(p => p.GetProperty("message").GetString()));
    }

    /// <summary>Waits until the patient's stream has said <paramref name="message"/> last.</summary>
    private static async Task Said(ConcurrentQueue<JsonElement> position, string message) =>
        Assert.Equal(message, (await Eventually.ReturnsAsync(() => Task.FromResult(position.LastOrDefault()),
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("message").GetString() == message, TimeSpan.FromSeconds(30))).GetProperty("message").GetString());

    [ContractFact]
    public async Task QueueBoard_OfAnUnknownSession_Is404()
    {
        var response = await Client.GetAsync("/api/stream/queues/D9-20261123-AM", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("404 session.not_found", $"{(int)response.StatusCode} {(await ProblemResponse.ReadAsync(response)).Code()}");
    }

    private static int? Calling(JsonElement board) =>
        board.GetProperty("calling") is { ValueKind: JsonValueKind.Object } calling ? calling.GetProperty("slotNo").GetInt32() : null;

    private async Task ListenAsync(string path, string? token, ConcurrentQueue<JsonElement> events, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.SendAsync(WithToken(HttpMethod.Get, path, token), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await ReadEventsAsync(await response.Content.ReadAsStreamAsync(cancellationToken), events, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

public sealed class SqliteQueueStreamContract(SqliteDatabaseFixture fixture) : QueueStreamContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbQueueStreamContract(MariaDbDatabaseFixture fixture) : QueueStreamContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
