using System.Security.Claims;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Accounts;
using Hospital.Grains.Rules;
using Hospital.Silo.Sms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Apis;

/// <summary>Patient login by phone and SMS code, token refresh and logout (patients and staff alike), and who the caller is.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/sms-codes", RequestSmsCodeAsync).RequireRateLimiting(LoginRateLimits.SmsCodes)
            .WithSummary("Send a six-digit login code to a mainland mobile number: valid 5 minutes, 5 tries, 1 a minute and 10 a day per phone")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status429TooManyRequests, "auth.sms_too_soon", "auth.sms_daily_limit", "request.rate_limited")
            .ProducesProblemCodes(StatusCodes.Status503ServiceUnavailable, "sms.unavailable", "storage.unavailable", "server.overloaded", "server.timeout")
            .WithRequestExample(AccountExamples.SmsCodeRequest)
            .WithResponseExample(StatusCodes.Status202Accepted, AccountExamples.SmsCodeSent)
            .WithResponseExample(StatusCodes.Status429TooManyRequests, AccountExamples.SmsTooSoonProblem);
        auth.MapPost("/login", LoginWithSmsCodeAsync).RequireRateLimiting(LoginRateLimits.Logins)
            .WithSummary("Log a patient in with the phone's code; the phone's account is created at its first login")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status401Unauthorized, "auth.code_invalid")
            .WithRequestExample(AccountExamples.PhoneLogin)
            .WithResponseExample(StatusCodes.Status200OK, AccountExamples.Tokens)
            .WithResponseExample(StatusCodes.Status401Unauthorized, AccountExamples.CodeInvalidProblem);
        auth.MapPost("/refresh", RefreshAsync).RequireRateLimiting(LoginRateLimits.Logins)
            .WithSummary("Trade a refresh token (once) for new tokens; presenting a spent one revokes every token of that login")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status401Unauthorized, "auth.refresh_invalid")
            .WithRequestExample(AccountExamples.RefreshRequest)
            .WithResponseExample(StatusCodes.Status200OK, AccountExamples.Tokens);
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization(HospitalPolicies.SignedIn)
            .WithSummary("Revoke the refresh token and every token rotated from the same login (access tokens expire on their own within minutes)")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status404NotFound, "resource.not_found")
            .WithRequestExample(AccountExamples.RefreshRequest);
        app.MapGet("/api/me", GetMeAsync).WithTags("Accounts").RequireAuthorization(HospitalPolicies.SignedIn)
            .WithSummary("The signed-in patient account or staff user (personal data masked)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "resource.not_found")
            .WithResponseExample(StatusCodes.Status200OK, AccountExamples.PatientMe);
        return app;
    }

    public static async Task<Results<Accepted<SmsCodeResponse>, ProblemHttpResult>> RequestSmsCodeAsync(
        SmsCodeRequest request, PatientAccounts accounts, IGrainFactory grains, IOptions<SmsOptions> sms, HttpResponse response)
    {
        var phone = ValidPhone(request.Phone);
        if (!sms.Value.IsConfigured) return SmsCodeAnswers.Unavailable();
        var result = await grains.GetGrain<IPhoneLoginGrain>(PhoneLoginKey.FromFingerprint(accounts.Fingerprint(phone))).RequestCodeAsync(phone);
        return SmsCodeAnswers.From(result, phone, response);
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginWithSmsCodeAsync(
        PhoneLoginRequest request, PatientAccounts accounts, IGrainFactory grains, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var phone = ValidPhone(request.Phone);
        if (!SmsCodeGenerator.IsWellFormed(request.Code)) throw InputValidationException.For("code", "The code has six digits.");
        var check = await grains.GetGrain<IPhoneLoginGrain>(PhoneLoginKey.FromFingerprint(accounts.Fingerprint(phone))).VerifyCodeAsync(request.Code!);
        if (check.Verdict != SmsCodeVerdict.Accepted)
            return AuthProblems.Unauthorized(AuthProblems.CodeInvalid, "The code is wrong, expired or used up; ask for a new one when no tries are left.",
                new Dictionary<string, object?> { ["triesLeft"] = check.TriesLeft });
        var account = await accounts.SignInAsync(phone, cancellationToken);
        return TypedResults.Ok(await tokens.IssueAsync(account, cancellationToken: cancellationToken));
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshTokenRequest request, IRefreshTokenStore refreshTokens, IPatientAccountStore patients, IStaffUserStore staff, TokenIssuer tokens,
        Grains.Catalog.HospitalClock clock, CancellationToken cancellationToken)
    {
        var token = RequiredInput.Text(request.RefreshToken, "refreshToken");
        var redemption = await refreshTokens.RedeemAsync(TokenIssuer.Hash(token), clock.GetUtcNow(), cancellationToken);
        var invalid = AuthProblems.Unauthorized(AuthProblems.RefreshInvalid, "The refresh token is unknown, expired, used or revoked; log in again.");
        if (redemption is not { Outcome: RefreshOutcome.Redeemed, Token: { } spent }) return invalid;
        if (spent.SubjectKind == HospitalClaims.PatientKind)
            return await patients.FindAsync(spent.SubjectId, cancellationToken) is { } account
                ? TypedResults.Ok(await tokens.IssueAsync(account, spent.FamilyId, cancellationToken))
                : invalid;
        // Staff claims are read afresh, so a changed role or scope takes effect at the next refresh.
        return await staff.FindAsync(spent.SubjectId, cancellationToken) is { } user
            ? TypedResults.Ok(await tokens.IssueAsync(user.Identity, spent.FamilyId, cancellationToken))
            : invalid;
    }

    public static async Task<Results<NoContent, NotFound>> LogoutAsync(
        RefreshTokenRequest request, ClaimsPrincipal user, IRefreshTokenStore refreshTokens, Grains.Catalog.HospitalClock clock, CancellationToken cancellationToken)
    {
        var token = RequiredInput.Text(request.RefreshToken, "refreshToken");
        var kind = user.IsPatient() ? HospitalClaims.PatientKind : HospitalClaims.StaffKind;
        // Only the caller's own token: someone else's (or an unknown one) is "not found", never revoked.
        return await refreshTokens.RevokeFamilyAsync(TokenIssuer.Hash(token), kind, user.Subject(), clock.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<MeResponse>, NotFound>> GetMeAsync(
        ClaimsPrincipal user, IPatientAccountStore patients, IStaffUserStore staff, CancellationToken cancellationToken)
    {
        if (user.IsPatient())
            return await patients.FindAsync(user.Subject(), cancellationToken) is { } account
                ? TypedResults.Ok(new MeResponse(HospitalClaims.PatientKind, account.Id, account.PhoneMasked, null, HospitalRoles.Patient, null, null, false))
                : TypedResults.NotFound();
        return await staff.FindAsync(user.Subject(), cancellationToken) is { } member
            ? TypedResults.Ok(new MeResponse(HospitalClaims.StaffKind, member.StaffId, null, member.DisplayName, member.Role, member.DepartmentIds, member.DoctorId,
                member.MustChangePassword))
            : TypedResults.NotFound();
    }

    private static string ValidPhone(string? phone) =>
        MobilePhoneNumber.IsValid(phone) ? phone! : throw InputValidationException.For("phone", MobilePhoneNumber.InvalidMessage);
}
