using System.Text.RegularExpressions;
using System.Text.Json;
using Hospital.Api.Apis;

namespace Hospital.Api.Tests.OpenApi;

/// <summary>The OpenAPI document speaks only of what exists: no documents outside the repository, no features not built.</summary>
public sealed partial class OpenApiWordingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task OpenApiDocument_CitesNoDesignDocument()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Empty(Absent().Matches(document).Select(m => m.Value).Distinct());
    }

    [Fact]
    public async Task SoldOutAnswer_PointsToTheWaitlistEndpointTheDocumentHas()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        Assert.Contains("POST /api/patients/{patientId}/waitlists", HoldProblems.SoldOutDetail);
        Assert.True(document.RootElement.GetProperty("paths").GetProperty("/api/patients/{id}/waitlists").TryGetProperty("post", out _));
    }

    [GeneratedRegex("DESIGN\\.md", RegexOptions.IgnoreCase)]
    private static partial Regex Absent();
}
