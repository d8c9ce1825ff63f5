using System.Text.RegularExpressions;

namespace Hospital.Api.Tests.OpenApi;

/// <summary>The OpenAPI document speaks only of what exists: no documents outside the repository, no features not built.</summary>
public sealed partial class OpenApiWordingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task OpenApiDocument_CitesNoDesignDocumentAndNoWaitlist()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Empty(Absent().Matches(document).Select(m => m.Value).Distinct());
    }

    [GeneratedRegex("DESIGN\\.md|waitlist", RegexOptions.IgnoreCase)]
    private static partial Regex Absent();
}
