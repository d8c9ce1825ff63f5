using System.Globalization;

namespace Hospital.Grains.Tickets;

/// <summary>
/// E-ticket signing keys (section "Tickets"). Key 0 needs no setting: it is derived from Privacy:DataKey, so a node needs no
/// extra secret. To rotate, add a key with a new id and make it current; tickets of every listed key (and of key 0) keep
/// verifying, so tickets already sent stay valid; remove a key and its tickets are refused. Every node needs the same keys.
/// </summary>
public sealed class TicketOptions
{
    public const string Section = "Tickets";

    /// <summary>Keys by id (1–255): each the base64 of 32 random bytes. Default none.</summary>
    public Dictionary<string, string> SigningKeys { get; set; } = [];

    /// <summary>The id of the key new tickets are signed with: 0 (derived, the default) or one of <see cref="SigningKeys"/>.</summary>
    public int CurrentKeyId { get; set; }

    /// <summary>The configured keys by id; throws when an id or a key is malformed. Call once at start-up.</summary>
    public IReadOnlyDictionary<byte, byte[]> ConfiguredKeys() => SigningKeys.ToDictionary(pair => KeyId(pair.Key), pair => Key(pair.Key, pair.Value));

    /// <summary>Throws when a key is malformed or the current key is not configured.</summary>
    public void Validate()
    {
        var keys = ConfiguredKeys();
        if (CurrentKeyId != 0 && (CurrentKeyId is < 1 or > byte.MaxValue || !keys.ContainsKey((byte)CurrentKeyId)))
            throw new InvalidOperationException($"Tickets:CurrentKeyId {CurrentKeyId} is neither 0 (the derived key) nor one of Tickets:SigningKeys.");
    }

    private static byte KeyId(string id) =>
        byte.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var keyId) && keyId > 0
            ? keyId
            : throw new InvalidOperationException($"Tickets:SigningKeys:{id}: key ids are 1 to 255 (0 is the key derived from Privacy:DataKey).");

    private static byte[] Key(string id, string base64)
    {
        var key = new byte[32];
        return Convert.TryFromBase64String(base64, key, out var length) && length == key.Length
            ? key
            : throw new InvalidOperationException($"Tickets:SigningKeys:{id} must be the base64 of 32 random bytes (e.g. openssl rand -base64 32).");
    }
}
