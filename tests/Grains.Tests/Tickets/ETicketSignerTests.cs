using System.Buffers.Text;
using System.Security.Cryptography;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Tickets;
using Hospital.Silo.Privacy;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Tests.Tickets;

/// <summary>The e-ticket's signed payload: compact, verifiable only under the hospital's keys, refused when altered or past its day.</summary>
public sealed class ETicketSignerTests
{
    private static readonly DateTimeOffset ValidUntil = new(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly ETicket Ticket = new("D0042-20261124-AM.3f9a1c2b7d4e5f60", 7, "王*明", ValidUntil);
    private static readonly DateTimeOffset OnTheDay = ValidUntil.AddHours(-15);

    [Fact]
    public void Verify_ASignedTicket_GivesItBack_FromACompactPayload()
    {
        var signer = Signer();

        var payload = signer.Sign(Ticket);

        Assert.Equal(Ticket, signer.Verify(payload, OnTheDay));
        Assert.Equal("D0042-20261124-AM", Ticket.SessionId);
        Assert.InRange(payload.Length, 60, 100);
        Assert.Matches("^[A-Za-z0-9_-]+$", payload);
        Assert.Equal(payload, signer.Sign(Ticket)); // the same ticket is the same QR code
    }

    [Fact]
    public void Verify_WithAnyByteChanged_IsRefusedAsASignatureMismatchOrMalformed()
    {
        var signer = Signer();
        var bytes = Base64Url.DecodeFromChars(signer.Sign(Ticket));

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;

            var refused = Assert.Throws<InputValidationException>(() => signer.Verify(Base64Url.EncodeToString(tampered), OnTheDay));

            Assert.Contains(refused.Code, new[] { ETicketCodes.SignatureInvalid, ETicketCodes.Malformed });
            Assert.Equal(["ticket"], refused.Errors.Keys);
        }
    }

    [Fact]
    public void Verify_AnotherSlotWithTheOriginalTag_IsRefusedAsASignatureMismatch()
    {
        var signer = Signer();
        var genuine = Base64Url.DecodeFromChars(signer.Sign(Ticket));
        var forged = Base64Url.DecodeFromChars(signer.Sign(Ticket with { SlotNo = 1 }));
        genuine[^ETicketFormat.TagLength..].CopyTo(forged, forged.Length - ETicketFormat.TagLength);

        var refused = Assert.Throws<InputValidationException>(() => signer.Verify(Base64Url.EncodeToString(forged), OnTheDay));

        Assert.Equal(ETicketCodes.SignatureInvalid, refused.Code);
    }

    [Fact]
    public void Verify_ATicketOfAnotherHospital_IsRefusedAsASignatureMismatch()
    {
        var theirs = Signer(dataKey: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Sign(Ticket);

        var refused = Assert.Throws<InputValidationException>(() => Signer().Verify(theirs, OnTheDay));

        Assert.Equal(ETicketCodes.SignatureInvalid, refused.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a ticket!")]
    [InlineData("https://example.com/pay?order=1")]
    [InlineData("AQ")]
    public void Verify_TextThatIsNoTicket_IsRefusedAsMalformed(string scanned)
    {
        var refused = Assert.Throws<InputValidationException>(() => Signer().Verify(scanned, OnTheDay));

        Assert.Equal(ETicketCodes.Malformed, refused.Code);
    }

    [Fact]
    public void Verify_AfterTheVisitDay_IsRefusedAsExpired()
    {
        var signer = Signer();
        var payload = signer.Sign(Ticket);

        var refused = Assert.Throws<RuleConflictException>(() => signer.Verify(payload, ValidUntil));

        Assert.Equal(ETicketCodes.Expired, refused.Code);
        Assert.Equal(Ticket, signer.Verify(payload, ValidUntil.AddSeconds(-1)));
    }

    [Fact]
    public void Rotation_NewTicketsUseTheCurrentKey_AndTicketsOfEveryListedKeyStillVerify()
    {
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var beforeRotation = Signer().Sign(Ticket);
        var rotated = Signer(new TicketOptions { SigningKeys = { ["7"] = newKey }, CurrentKeyId = 7 });
        var afterRotation = rotated.Sign(Ticket);
        var keyRemoved = Signer(new TicketOptions());

        Assert.Equal(7, Base64Url.DecodeFromChars(afterRotation)[1]);
        Assert.Equal(Ticket, rotated.Verify(beforeRotation, OnTheDay));
        Assert.Equal(Ticket, rotated.Verify(afterRotation, OnTheDay));
        Assert.Equal(ETicketCodes.SignatureInvalid, Assert.Throws<InputValidationException>(() => keyRemoved.Verify(afterRotation, OnTheDay)).Code);
    }

    [Theory]
    [InlineData("0", "key")]
    [InlineData("256", "key")]
    [InlineData("x", "key")]
    [InlineData("1", "too-short")]
    public void Options_WithAMalformedKey_AreRefused(string id, string key)
    {
        var options = new TicketOptions { SigningKeys = { [id] = key == "key" ? Convert.ToBase64String(new byte[32]) : key } };

        Assert.Throws<InvalidOperationException>(options.Validate);
    }

    [Fact]
    public void Options_WhoseCurrentKeyIsNotListed_AreRefused() =>
        Assert.Throws<InvalidOperationException>(new TicketOptions { CurrentKeyId = 3 }.Validate);

    private static ETicketSigner Signer(TicketOptions? options = null, string dataKey = HospitalTestSettings.TestDataKey) =>
        new(Options.Create(options ?? new TicketOptions()), new AesGcmPersonalDataProtector(Options.Create(new PrivacyOptions { DataKey = dataKey })));
}
