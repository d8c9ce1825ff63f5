using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Xunit.Abstractions;

namespace Hospital.Api.Tests.Fuzz;

/// <summary>
/// Every operation of /openapi/v1.json with malformed, oversized, negative, unknown and hostile values (issue 17):
/// no answer is a 5xx, every refusal is problem details, and a refused request (4xx) changes no row of any table.
/// Bounded: a fixed seed, <see cref="CasesPerOperation"/> cases an operation, and a time budget.
/// </summary>
public abstract class OpenApiFuzzContract(TestDatabaseFixture fixture, ITestOutputHelper output) : HospitalApiContractBase(fixture)
{
    private const int Seed = 17;
    private const int CasesPerOperation = 150;

    /// <summary>What every operation must have had when the budget ran out: the mutations of the first rounds reach every field.</summary>
    private const int MinCasesPerOperation = 8;

    // The availability stream answers a valid request with an endless body: few cases, and its headers are all it waits for.
    private const int StreamCases = 10;
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    [ContractFact]
    public async Task EveryOperation_WithHostileInput_NeverAnswers5xx_AndRefusedRequestsChangeNoRow()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(0), patient);
        var operations = FuzzOperation.ReadAll(await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json"));
        var cases = new FuzzRequestFactory(new Random(Seed),
            new FuzzTargets(TestCatalog.Session(1), TestCatalog.Session(2), booked.Id, patient, TokenOf(patient), TestTokens.HospitalAdmin(Clock)));
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var checksum = new DatabaseChecksum(connection, Database.Provider);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var before = await checksum.ReadAsync();

        // Round by round over every operation, so that when the budget runs out on a slow machine every operation has had its
        // share of cases, not the first ones all of theirs and the last ones none.
        var sentTo = operations.ToDictionary(o => o, _ => 0);
        for (var round = 0; round < CasesPerOperation && clock.Elapsed < Budget; round++)
        {
            foreach (var operation in operations)
            {
                var stream = operation.Path.StartsWith("/api/stream", StringComparison.Ordinal);
                if (round >= (stream ? StreamCases : CasesPerOperation) || clock.Elapsed >= Budget) continue;
                var fuzz = cases.Create(operation);
                var (status, problem) = await SendAsync(fuzz.Request, stream ? StreamWait : AnswerWait);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                sentTo[operation]++;
                var after = await checksum.ReadAsync();
                var changed = DatabaseChecksum.Changed(before, after);
                var what = $"{operation} [{fuzz.Mutation}] → {status} {problem}";
                if (status >= 500 || (status == 0 && !stream)) failures.Add($"{what}: no 5xx or silence allowed");
                if (status is >= 400 and < 500 && changed.Count > 0) failures.Add($"{what}: a refused request changed {string.Join(", ", changed)}");
                if (status is >= 400 and < 500 && problem is null) failures.Add($"{what}: a refusal without problem details");
                // After a success, read afresh: a write it made after answering belongs to it, not to the next request.
                before = status is >= 200 and < 300 ? await checksum.ReadAsync() : after;
            }
        }

        var sent = statuses.Values.Sum();
        output.WriteLine($"{Database.Provider}: {sent} requests over {operations.Count} operations in {clock.Elapsed.TotalSeconds:0.0} s (seed {Seed}); " +
                         $"statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} findings of {sent} requests:\n{string.Join('\n', failures.Take(40))}");
        var fewest = sentTo.MinBy(o => o.Value);
        Assert.True(operations.Count >= 18 && fewest.Value >= MinCasesPerOperation, $"{fewest.Key} had only {fewest.Value} cases in the budget ({sent} requests in all)");
    }

    /// <summary>The status (0 if no headers came in time) and, for a problem response, its code.</summary>
    private async Task<(int Status, string? Problem)> SendAsync(HttpRequestMessage request, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return ((int)response.StatusCode, null);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            return ((int)response.StatusCode, problem.TryGetProperty("code", out var code) ? code.GetString() : "(no code)");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (0, null);
        }
        finally
        {
            request.Dispose();
        }
    }
}

public sealed class SqliteOpenApiFuzzContract(SqliteDatabaseFixture fixture, ITestOutputHelper output)
    : OpenApiFuzzContract(fixture, output), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbOpenApiFuzzContract(MariaDbDatabaseFixture fixture, ITestOutputHelper output)
    : OpenApiFuzzContract(fixture, output), IClassFixture<MariaDbDatabaseFixture>;
