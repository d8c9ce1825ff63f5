using System.Net.Http.Json;
using System.Text.Json;

namespace Hospital.Api.Tests.Accounts;

/// <summary>The OpenAPI document names the bearer scheme and requires it exactly on the endpoints that need a token.</summary>
public sealed class BearerSecurityDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Document_DeclaresTheBearerScheme_AndRequiresItOnlyWhereATokenIsNeeded()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        var paths = document.GetProperty("paths");

        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.True(paths.GetProperty("/api/me").GetProperty("get").TryGetProperty("security", out _));
        Assert.True(paths.GetProperty("/api/staff/users").GetProperty("post").GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(paths.GetProperty("/api/auth/login").GetProperty("post").TryGetProperty("security", out _));
    }
}
