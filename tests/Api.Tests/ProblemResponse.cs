using System.Net.Http.Json;
using System.Text.Json;

namespace Hospital.Api.Tests;

/// <summary>Reads a problem details body, asserting it is one and carries a trace id.</summary>
public static class ProblemResponse
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;
}
