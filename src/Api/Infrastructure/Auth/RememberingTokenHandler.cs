using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// The JWT handler, remembering the access tokens it found valid, so that a token's later requests skip parsing it, checking
/// its signature and building its claims. At a release every patient's phone sends its token with each tap, and validating
/// it again was a quarter of the bytes a booking request allocated (docs/performance.md).
/// <list type="bullet">
/// <item>A remembered token is checked against the hospital's clock by the same lifetime check as a new one, so it is refused
/// once it has expired.</item>
/// <item>Each request gets its own copy of the claims, so nothing one request adds to its principal reaches another.</item>
/// <item>Only valid tokens are remembered. The validation parameters are the app's, fixed at start, so what a token was
/// checked against cannot change while it is remembered.</item>
/// <item>About <paramref name="capacity"/> tokens are remembered (the count is kept without a lock, so requests racing a
/// reset can leave it off by the number in flight). When that many are, the handler forgets them all and starts again: a
/// forgotten token is only validated once more, and forgetting costs nothing per request, where finding the expired ones
/// would cost a pass over all of them.</item>
/// </list>
/// </summary>
internal sealed class RememberingTokenHandler(int capacity) : JsonWebTokenHandler
{
    /// <summary>Enough for every patient of a large hospital's release at once; an entry is a few kilobytes.</summary>
    public const int DefaultCapacity = 20_000;

    private readonly ConcurrentDictionary<string, TokenValidationResult> _valid = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>How many tokens are remembered now.</summary>
    internal int Count => Volatile.Read(ref _count);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out var remembered))
        {
            if (StillValid(remembered, validationParameters)) return Copy(remembered);
            if (_valid.TryRemove(token, out _)) Interlocked.Decrement(ref _count);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid) Remember(token, Copy(result));
        return result;
    }

    private static bool StillValid(TokenValidationResult remembered, TokenValidationParameters validationParameters)
    {
        var token = remembered.SecurityToken;
        try
        {
            Validators.ValidateLifetime(token.ValidFrom, token.ValidTo, token, validationParameters);
            return true;
        }
        catch (SecurityTokenException)
        {
            return false; // validated afresh, which refuses it with the handler's own answer
        }
    }

    private void Remember(string token, TokenValidationResult valid)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            _valid.Clear();
            Volatile.Write(ref _count, 1);
        }
        if (!_valid.TryAdd(token, valid)) Interlocked.Decrement(ref _count); // another request remembered it first
    }

    private static TokenValidationResult Copy(TokenValidationResult valid) => new()
    {
        IsValid = true,
        ClaimsIdentity = valid.ClaimsIdentity.Clone(),
        SecurityToken = valid.SecurityToken,
        Issuer = valid.Issuer,
        TokenType = valid.TokenType,
    };
}
