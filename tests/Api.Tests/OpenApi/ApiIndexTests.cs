using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hospital.Api.Tests.OpenApi;

/// <summary>Someone who opens the server's address finds their way to the API documentation.</summary>
public sealed class ApiIndexTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Root_PointsToSwaggerUiAndTheOpenApiDocument()
    {
        var client = factory.CreateClient();

        var index = await client.GetAsync("/");
        var body = await index.Content.ReadFromJsonAsync<JsonElement>();
        var swagger = await client.GetAsync(body.GetProperty("documentation").GetString());
        var openApi = await client.GetAsync(body.GetProperty("openApi").GetString());

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(("/swagger", "/openapi/v1.json"), (body.GetProperty("documentation").GetString(), body.GetProperty("openApi").GetString()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (swagger.StatusCode, openApi.StatusCode));
    }
}
