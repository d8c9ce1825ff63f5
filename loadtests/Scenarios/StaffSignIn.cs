using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Signs the run's hospital admin in for set-up and checks: with the working password, or, on a database where the initial
/// admin was just created, with the initial password, then changes it to the working one as the first login must.
/// </summary>
public static class StaffSignIn
{
    /// <summary>A hospital admin's access token, or null when the run has no staff credentials. Failing to sign in throws: nothing can be set up.</summary>
    public static async Task<string?> TokenAsync(HttpClient http, StaffCredentials? staff, CancellationToken cancellationToken)
    {
        if (staff is null) return null;
        return await LoginAsync(http, staff.StaffId, staff.Password, cancellationToken) is { MustChangePassword: false } signedIn
            ? signedIn.AccessToken
            : await FirstSignInAsync(http, staff, cancellationToken);
    }

    /// <summary>
    /// The first sign-in of an account: with the initial password, changed at once to the working one. An account the run has
    /// just created comes here directly, so the server's log shows no failed login for it.
    /// </summary>
    public static async Task<string> FirstSignInAsync(HttpClient http, StaffCredentials staff, CancellationToken cancellationToken)
    {
        var first = await LoginAsync(http, staff.StaffId, staff.InitialPassword, cancellationToken)
            ?? throw new InvalidOperationException($"Staff '{staff.StaffId}' could not sign in with its initial password.");
        using var change = new HttpRequestMessage(HttpMethod.Post, "/api/staff/password")
        {
            Content = JsonContent.Create(new { currentPassword = staff.InitialPassword, newPassword = staff.Password }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", first.AccessToken) },
        };
        return (await ReadAsync(await http.SendAsync(change, cancellationToken), "password change", cancellationToken))!.AccessToken;
    }

    private static async Task<Tokens?> LoginAsync(HttpClient http, string staffId, string password, CancellationToken cancellationToken)
    {
        var response = await http.PostAsJsonAsync("/api/staff/login", new { staffId, password }, cancellationToken);
        return response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? null : await ReadAsync(response, "staff login", cancellationToken);
    }

    private static async Task<Tokens?> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<Tokens>(JsonSerializerOptions.Web, cancellationToken)
            : throw new InvalidOperationException($"The {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");

    private sealed record Tokens(string AccessToken, bool MustChangePassword);
}
