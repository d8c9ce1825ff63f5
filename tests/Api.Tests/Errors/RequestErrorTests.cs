using System.Net;
using System.Text;

namespace Hospital.Api.Tests.Errors;

public sealed class RequestErrorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task UnknownRoute_Returns404RouteNotFound()
    {
        var response = await _client.GetAsync("/no/such/route.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("route.not_found", (await ProblemResponse.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        var response = await _client.PostAsync("/metrics", content: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("request.method_not_allowed", (await ProblemResponse.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task MalformedJson_Returns400RequestMalformed()
    {
        using var body = new StringContent("{\"text\": \"abc\", \"number\": ", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/test/echo", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.malformed", (await ProblemResponse.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task BodyThatIsNotJson_Returns415UnsupportedMediaType()
    {
        using var body = new StringContent("text=abc", Encoding.UTF8, "text/plain");

        var response = await _client.PostAsync("/test/echo", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("request.unsupported_media_type", (await ProblemResponse.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task WellFormedJson_ReachesTheEndpoint()
    {
        using var body = new StringContent("{\"text\": \"abc\", \"number\": 3}", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/test/echo", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnparsableQueryValue_Returns400RequestMalformed()
    {
        var response = await _client.GetAsync("/test/count?count=many");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.malformed", (await ProblemResponse.ReadAsync(response)).Code());
    }
}
