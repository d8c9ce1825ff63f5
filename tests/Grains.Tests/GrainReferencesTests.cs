using Hospital.Grains.Tests.SlotPools;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;

namespace Hospital.Grains.Tests;

public sealed class GrainReferencesTests(SqliteDatabaseFixture fixture) : SlotPoolContractBase(fixture), IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task Of_BuildsTheReferenceGetGrainBuilds_TheFirstTimeAndAfter()
    {
        var host = await StartClusterAsync();

        // The first key may be the one that works the types out; every later one is built from them.
        foreach (var session in new[] { TestCatalog.Session(1), TestCatalog.Session(2), TestCatalog.Session(3) })
        {
            var reference = host.Grains.Of<ISlotPoolGrain>(session);

            Assert.Equal(host.Grains.GetGrain<ISlotPoolGrain>(session).GetGrainId(), reference.GetGrainId());
            Assert.Equal(session, (await reference.GetAvailabilityAsync()).SessionId);
        }
    }
}
