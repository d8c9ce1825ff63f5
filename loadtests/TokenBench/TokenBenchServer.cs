using System.Security.Cryptography;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Accounts;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hospital.LoadTests.TokenBench;

/// <summary>
/// Kestrel on a loopback port with the API's bearer setup (<see cref="AuthExtensions.AddHospitalBearer"/>: same handler, key
/// handling and validation parameters) and two endpoints that do no work: GET /anonymous and GET /patient, which requires the
/// patient policy. A patient access token comes from the API's own <see cref="TokenIssuer"/>.
/// </summary>
internal sealed class TokenBenchServer : IAsyncDisposable
{
    public const string AnonymousPath = "/anonymous";
    public const string PatientPath = "/patient";

    private readonly WebApplication _app;

    private TokenBenchServer(WebApplication app, Uri address, string patientToken, TokenValidationParameters parameters)
    {
        _app = app;
        Address = address;
        PatientToken = patientToken;
        ValidationParameters = parameters;
    }

    public Uri Address { get; }

    public string PatientToken { get; }

    /// <summary>The parameters the server's JWT handler validates with, for the raw measurement.</summary>
    public TokenValidationParameters ValidationParameters { get; }

    public static async Task<TokenBenchServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Like the API at its settings: no log line per request.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AuthOptions.Section}:{nameof(AuthOptions.SigningKey)}"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        });
        builder.Services.AddSingleton(HospitalClock.RealTime);
        builder.Services.AddSingleton<IRefreshTokenStore, UnusedRefreshTokens>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddHospitalBearer();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(AnonymousPath, () => Results.Ok());
        app.MapGet(PatientPath, () => Results.Ok()).RequireAuthorization(HospitalPolicies.Patient);
        await app.StartAsync(cancellationToken);

        // Port 0: the server's addresses, read after the start, carry the port it was given.
        var address = new Uri(app.Urls.First());
        var account = new PatientAccount("A-token-bench", "", "139****0000", "", DateTimeOffset.UtcNow);
        var token = (await app.Services.GetRequiredService<TokenIssuer>().IssueAsync(account, cancellationToken: cancellationToken)).AccessToken;
        var parameters = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        return new TokenBenchServer(app, address, token, parameters);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The benchmark issues one login's tokens and never refreshes them: nothing to store.</summary>
    private sealed class UnusedRefreshTokens : IRefreshTokenStore
    {
        public Task AddAsync(RefreshTokenRecord token, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<RefreshRedemption> RedeemAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<bool> RevokeFamilyAsync(string tokenHash, string subjectKind, string subjectId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task RevokeSubjectAsync(string subjectKind, string subjectId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
