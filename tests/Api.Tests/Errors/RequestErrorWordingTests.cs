using System.Net;
using System.Text;
using System.Text.Json;

namespace Hospital.Api.Tests.Errors;

/// <summary>Requests the framework cannot read are answered in the client's terms: field names, never our C# types or parameters.</summary>
public sealed class RequestErrorWordingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task BodyWithAValueOfTheWrongType_Returns400NamingTheFieldWithoutDotNetText()
    {
        using var body = new StringContent("{\"text\": \"abc\", \"number\": \"many\"}", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/test/echo", body);

        var problem = await AssertReadableAsync(response, "request.malformed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("number", out _), $"no error for number: {problem}");
    }

    [Fact]
    public async Task MissingBody_Returns400SayingABodyIsNeeded()
    {
        using var body = new StringContent("", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/test/echo", body);

        var problem = await AssertReadableAsync(response, "request.malformed");
        Assert.Contains("body", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnparsableQueryValue_Returns400WithoutDotNetText() =>
        await AssertReadableAsync(await _client.GetAsync("/test/count?count=many"), "request.malformed");

    private static async Task<JsonElement> AssertReadableAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var internals in new[] { "parameter", "System.", "EchoRequest", "Int32", "int count", "inferred", "Service" })
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
