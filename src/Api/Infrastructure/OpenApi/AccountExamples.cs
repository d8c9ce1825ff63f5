using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example requests and responses of the login and account calls in the OpenAPI document.</summary>
public static class AccountExamples
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private const string AccessToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJBMWMyZTNmNGE1YjZjN2Q4ZSIsInJvbGUiOiJwYXRpZW50In0.c2lnbmF0dXJl";
    private const string RefreshToken = "q3H0m8kzT1yX5cV7bN9aR2sD4fG6hJ8kL0zX2cV4bN6";

    public static SmsCodeRequest SmsCodeRequest { get; } = new("13800138000");

    public static SmsCodeResponse SmsCodeSent { get; } = new("138****8000", new DateTimeOffset(2026, 11, 23, 7, 5, 0, China), 60);

    public static PhoneLoginRequest PhoneLogin { get; } = new("13800138000", "492817");

    public static RefreshTokenRequest RefreshRequest { get; } = new(RefreshToken);

    public static TokenResponse Tokens { get; } = new(AccessToken, "Bearer", 900, RefreshToken, new DateTimeOffset(2026, 12, 23, 7, 0, 0, China), false);

    public static TokenResponse RestrictedTokens { get; } = Tokens with { RefreshToken = null, RefreshTokenExpiresAt = null, MustChangePassword = true };

    public static MeResponse PatientMe { get; } = new("patient", "A1c2e3f4a5b6c7d8e", "138****8000", null, HospitalRoles.Patient, null, null, false);

    public static StaffLoginRequest StaffLogin { get; } = new("zhang.wei", "initial-password-1");

    public static ChangePasswordRequest ChangePassword { get; } = new("initial-password-1", "a-long-new-passphrase");

    public static CreateStaffUserRequest CreateStaffUser { get; } = new("zhang.wei", "张伟", HospitalRoles.Doctor, [3], 42, "initial-password-1");

    public static StaffIdentity Doctor { get; } = new("zhang.wei", "张伟", HospitalRoles.Doctor, [3], 42, MustChangePassword: true);

    public static ProblemDetails SmsTooSoonProblem { get; } = Problem(StatusCodes.Status429TooManyRequests,
        "A code was sent to this phone a moment ago; wait before asking again.", "auth.sms_too_soon");

    public static ProblemDetails CodeInvalidProblem { get; } = Problem(StatusCodes.Status401Unauthorized,
        "The code is wrong, expired or used up; ask for a new one when no tries are left.", "auth.code_invalid", ("triesLeft", 4));

    public static ProblemDetails InvalidCredentialsProblem { get; } = Problem(StatusCodes.Status401Unauthorized,
        "Wrong staff id or password, or the id is locked for a while after repeated failures.", "auth.invalid_credentials");

    private static ProblemDetails Problem(int status, string title, string code, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Extensions = { ["code"] = code, ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" } };
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }
}
