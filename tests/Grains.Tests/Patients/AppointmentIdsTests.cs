using System.Security.Cryptography;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Patients;
using Hospital.Silo.Privacy;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Tests.Patients;

public sealed class AppointmentIdsTests
{
    [Fact]
    public void Of_TheSameRequest_GivesTheSameIdInTheRequestsSession()
    {
        var ids = IdsUnder(RandomKey());

        var first = ids.Of("2026-01-05.7.AM", "P1", "key-1");

        Assert.Equal(first, ids.Of("2026-01-05.7.AM", "P1", "key-1"));
        Assert.True(AppointmentKey.TryGetSessionId(first, out var session));
        Assert.Equal("2026-01-05.7.AM", session);
    }

    [Fact]
    public void Of_UnderAnotherHospitalKey_GivesAnotherId_SoAStrangerCannotDeriveIt()
    {
        var (mine, theirs) = (IdsUnder(RandomKey()), IdsUnder(RandomKey()));

        Assert.NotEqual(mine.Of("2026-01-05.7.AM", "P1", "key-1"), theirs.Of("2026-01-05.7.AM", "P1", "key-1"));
    }

    [Fact]
    public void Of_AnotherPatientOrKey_GivesAnotherId()
    {
        var ids = IdsUnder(RandomKey());

        string[] all = [ids.Of("S", "P1", "k"), ids.Of("S", "P2", "k"), ids.Of("S", "P1", "k2")];

        Assert.Equal(3, all.Distinct().Count());
    }

    private static string RandomKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static AppointmentIds IdsUnder(string dataKey) =>
        new(new AesGcmPersonalDataProtector(Options.Create(new PrivacyOptions { DataKey = dataKey })));
}
