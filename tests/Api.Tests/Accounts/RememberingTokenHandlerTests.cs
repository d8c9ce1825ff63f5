using System.Security.Claims;
using System.Text;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hospital.Api.Tests.Accounts;

/// <summary>
/// A token found valid is remembered, and each request still gets claims of its own; a remembered token is refused once it
/// has expired; an invalid one is never remembered; a full memory starts again. Each test validates against the API's own
/// bearer setup (<see cref="AuthExtensions.AddHospitalBearer"/>) on a clock the test moves.
/// </summary>
public sealed class RememberingTokenHandlerTests
{
    private static readonly string SigningKey = new('k', 32);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 7, 0, 0, TimeSpan.Zero));
    private readonly JwtBearerOptions _bearer;

    public RememberingTokenHandlerTests()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = SigningKey }).Build())
            .AddSingleton(new HospitalClock(_clock))
            .AddLogging();
        services.AddHospitalBearer();
        _bearer = services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }

    [Fact]
    public void TheApi_ValidatesWithTheRememberingHandlerAlone() =>
        Assert.IsType<RememberingTokenHandler>(Assert.Single(_bearer.TokenHandlers));

    [Fact]
    public async Task ValidToken_AskedAgain_IsAnsweredFromMemoryWithClaimsOfItsOwn()
    {
        var handler = (RememberingTokenHandler)_bearer.TokenHandlers[0];
        var token = Token("p-1");

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());
        first.ClaimsIdentity.AddClaim(new Claim("added", "by the first request"));

        Assert.True(first.IsValid && second.IsValid);
        Assert.Same(first.SecurityToken, second.SecurityToken); // not parsed again
        Assert.Equal("p-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Null(second.ClaimsIdentity.FindFirst("added"));
        Assert.Null((await handler.ValidateTokenAsync(token, Parameters())).ClaimsIdentity.FindFirst("added"));
        Assert.IsType(first.ClaimsIdentity.GetType(), second.ClaimsIdentity);
    }

    [Fact]
    public async Task RememberedToken_OnceExpired_IsRefusedAndForgotten()
    {
        var handler = (RememberingTokenHandler)_bearer.TokenHandlers[0];
        var token = Token("p-1");
        var fresh = await handler.ValidateTokenAsync(token, Parameters());

        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31));
        var stale = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(fresh.IsValid);
        Assert.False(stale.IsValid);
        Assert.IsAssignableFrom<SecurityTokenInvalidLifetimeException>(stale.Exception);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_IsRefusedAndNotRemembered()
    {
        var handler = (RememberingTokenHandler)_bearer.TokenHandlers[0];
        var forged = Token("p-1", new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('x', 32))));

        var answers = new[] { await handler.ValidateTokenAsync(forged, Parameters()), await handler.ValidateTokenAsync(forged, Parameters()) };

        Assert.All(answers, answer => Assert.False(answer.IsValid));
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task MemoryFull_ForgetsEverythingAndRemembersAnew()
    {
        var handler = new RememberingTokenHandler(capacity: 2);
        var tokens = new[] { Token("p-1"), Token("p-2"), Token("p-3") };

        var answers = new List<TokenValidationResult>();
        foreach (var token in tokens) answers.Add(await handler.ValidateTokenAsync(token, Parameters()));
        var third = await handler.ValidateTokenAsync(tokens[2], Parameters());

        Assert.All(answers, answer => Assert.True(answer.IsValid));
        Assert.Equal(1, handler.Count);
        Assert.Same(answers[2].SecurityToken, third.SecurityToken);
    }

    private string Token(string subject, SecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "hospital",
        Audience = "hospital",
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", "patient")]),
        IssuedAt = _clock.GetUtcNow().UtcDateTime,
        NotBefore = _clock.GetUtcNow().UtcDateTime,
        Expires = _clock.GetUtcNow().UtcDateTime.AddMinutes(15),
        SigningCredentials = new SigningCredentials(key ?? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>A copy per validation, as the JWT middleware makes for each request.</summary>
    private TokenValidationParameters Parameters() => _bearer.TokenValidationParameters.Clone();
}
