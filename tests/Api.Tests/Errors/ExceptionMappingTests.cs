using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.Api.Tests.Errors;

public sealed class ExceptionMappingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("overloaded")]
    [InlineData("gateway-busy")]
    [InlineData("silo-unavailable")]
    [InlineData("connection-failed")]
    public async Task OrleansRefusals_Return503OverloadedWithTheConfiguredRetryAfter(string refusal)
    {
        var response = await _client.GetAsync($"/test/throw/{refusal}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("2", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal("server.overloaded", (await ProblemResponse.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task CallTimeout_Returns503WithConfiguredRetryAfter()
    {
        var response = await _client.GetAsync("/test/throw/timeout");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("2", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal("server.timeout", (await ProblemResponse.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task InconsistentState_Returns503StateConflictWithRetryAfterAndWithoutVersions()
    {
        var response = await _client.GetAsync("/test/throw/inconsistent");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("2", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal("state.conflict", (await ProblemResponse.ReadAsync(response)).Code());
        Assert.DoesNotContain("version 7", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StorageFailure_Returns503WithRetryAfterAndNoDriverMessage()
    {
        var response = await _client.GetAsync("/test/throw/storage");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("storage.unavailable", (await ProblemResponse.ReadAsync(response)).Code());
        Assert.DoesNotContain("disk I/O", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StorageRefusedByTheOpenCircuit_Returns503StorageUnavailableWithTheCircuitsRetryAfter()
    {
        var response = await _client.GetAsync("/test/throw/storage-refused");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("7", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("storage.unavailable", (await ProblemResponse.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task RuleConflict_Returns409WithItsCodeDetailAndDetailsAsExtensions()
    {
        var response = await _client.GetAsync("/test/throw/rule");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal("slot.sold_out", problem.Code());
        Assert.Equal("All slots of this session are taken.", problem.GetProperty("detail").GetString());
        Assert.Equal("session-1", problem.GetProperty("sessionId").GetString());
        Assert.Equal(0, problem.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task NotFound_Returns404WithItsCode()
    {
        var response = await _client.GetAsync("/test/throw/not-found");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal("doctor.not_found", problem.Code());
        Assert.Equal("No doctor has this id.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task InputValidation_Returns400WithFieldErrors()
    {
        var response = await _client.GetAsync("/test/throw/invalid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal("request.invalid", problem.Code());
        var phoneErrors = problem.GetProperty("errors").GetProperty("phone");
        Assert.Equal("Must be 11 digits.", Assert.Single(phoneErrors.EnumerateArray()).GetString());
    }

    [Fact]
    public async Task UnexpectedException_Returns500WithGenericTitleAndNoMessageOrStackTrace()
    {
        var response = await _client.GetAsync("/test/throw/unexpected");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal("server.error", problem.Code());
        Assert.Equal("An unexpected error occurred.", problem.GetProperty("title").GetString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internal detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("TestEndpointsStartupFilter", body);
    }

    [Theory]
    [InlineData("unexpected", typeof(InvalidOperationException))]
    [InlineData("storage", typeof(Microsoft.Data.Sqlite.SqliteException))]
    public async Task UnexpectedAndStorageErrors_AreLoggedAsErrorsWithTheExceptionAndRoutePattern(string kind, Type exceptionType)
    {
        var logs = new CapturedLogs();
        using var client = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs))).CreateClient();

        await client.GetAsync($"/test/throw/{kind}");

        var entry = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception?.GetType() == exceptionType);
        Assert.Contains($"/test/throw/{kind}", entry.Message);
    }
}
