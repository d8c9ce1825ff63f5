using System.Security.Claims;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>Staff login by staff id and password, the first-login password change, and staff users created by hospital admins.</summary>
public static class StaffAuthApi
{
    public static IEndpointRouteBuilder MapStaffAuthApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff");
        staff.MapPost("/login", LoginAsync).RequireRateLimiting(LoginRateLimits.Logins)
            .WithSummary("Log a staff user in; 5 wrong passwords in a row lock the id for 15 minutes. Until the initial password is changed the token only allows changing it")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status401Unauthorized, "auth.invalid_credentials")
            .WithRequestExample(AccountExamples.StaffLogin)
            .WithResponseExample(StatusCodes.Status200OK, AccountExamples.RestrictedTokens)
            .WithResponseExample(StatusCodes.Status401Unauthorized, AccountExamples.InvalidCredentialsProblem);
        staff.MapPost("/password", ChangePasswordAsync).RequireAuthorization(HospitalPolicies.PasswordChange)
            .WithSummary("Change the signed-in staff user's password (12 to 128 characters); answers full tokens")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status401Unauthorized, "auth.invalid_credentials", "auth.unauthenticated")
            .WithRequestExample(AccountExamples.ChangePassword)
            .WithResponseExample(StatusCodes.Status200OK, AccountExamples.Tokens);
        staff.MapPost("/users", CreateUserAsync).RequireAuthorization(HospitalPolicies.HospitalAdmin)
            .WithSummary("Create a staff user (hospital admins only); the user must change the initial password at first login")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status409Conflict, "staff.exists")
            .WithRequestExample(AccountExamples.CreateStaffUser)
            .WithResponseExample(StatusCodes.Status201Created, AccountExamples.Doctor);
        return app;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginAsync(
        StaffLoginRequest request, IGrainFactory grains, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var staffId = StaffIdentity.Normalize(RequiredInput.Text(request.StaffId, "staffId"));
        return await grains.GetGrain<IStaffLoginGrain>(staffId).LoginAsync(Secret(request.Password, "password")) is { } staff
            ? TypedResults.Ok(await tokens.IssueAsync(staff, cancellationToken: cancellationToken))
            : InvalidCredentials();
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal user, IGrainFactory grains, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var current = Secret(request.CurrentPassword, "currentPassword");
        return await grains.GetGrain<IStaffLoginGrain>(user.Subject()).ChangePasswordAsync(current, request.NewPassword ?? "") is { } staff
            ? TypedResults.Ok(await tokens.IssueAsync(staff, cancellationToken: cancellationToken))
            : InvalidCredentials();
    }

    public static async Task<Created<StaffIdentity>> CreateUserAsync(CreateStaffUserRequest request, StaffDirectory directory, CancellationToken cancellationToken)
    {
        var created = await directory.CreateAsync(
            new NewStaffUser(request.StaffId, request.DisplayName, request.Role, request.DepartmentIds, request.DoctorId, request.InitialPassword), cancellationToken);
        return TypedResults.Created($"/api/staff/users/{created.StaffId}", created);
    }

    // Passwords are taken as typed: spaces may be part of them.
    private static string Secret(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw InputValidationException.For(field, $"{field} is required.") : value;

    private static ProblemHttpResult InvalidCredentials() =>
        AuthProblems.Unauthorized(AuthProblems.InvalidCredentials,
            "Wrong staff id or password, or the id is locked for a while after repeated failures.");
}
