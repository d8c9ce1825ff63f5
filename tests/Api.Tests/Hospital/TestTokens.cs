using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// Staff access tokens as a login would issue them, signed with the test apps' key and made without an app or a stored user:
/// any role and scope on demand. The staff login itself is tested in Accounts/StaffLoginContract.
/// </summary>
public static class TestTokens
{
    public static string Staff(TimeProvider clock, string role, IReadOnlyList<int>? departments = null, int? doctorId = null) =>
        new TokenIssuer(Microsoft.Extensions.Options.Options.Create(new AuthOptions { SigningKey = HospitalApiFactory.SigningKey, AccessTokenLifetime = HospitalApiFactory.TokenLifetime }),
                refreshTokens: null!, new HospitalClock(clock))
            .IssueAccessToken(new StaffIdentity($"test-{role}", "Test staff", role, departments ?? [], doctorId, MustChangePassword: false));

    public static string HospitalAdmin(TimeProvider clock) => Staff(clock, HospitalRoles.HospitalAdmin);
}
