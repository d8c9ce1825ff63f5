using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.VisitDay;

/// <summary>
/// Creates a staff account through the admin API (POST /api/staff/users) and signs it in as its holder would: the first
/// login with the initial password must change it (<see cref="StaffSignIn.FirstSignInAsync"/>). Passwords are random per run.
/// </summary>
public static class StaffAccounts
{
    public static async Task<string> CreateAsync(HospitalClient admin, HttpClient http, string staffId, string role, int departmentId, int? doctorId,
        CancellationToken cancellationToken)
    {
        var initialPassword = NewPassword();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/users")
        {
            Content = JsonContent.Create(new { staffId, displayName = staffId, role, departmentIds = new[] { departmentId }, doctorId, initialPassword }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", admin.StaffToken) },
        };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Creating staff '{staffId}' answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return await StaffSignIn.FirstSignInAsync(http, new StaffCredentials(staffId, initialPassword, NewPassword()), cancellationToken);
    }

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
}
