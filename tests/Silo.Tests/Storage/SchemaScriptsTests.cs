using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Migrations;

namespace Hospital.Silo.Tests.Storage;

public sealed class SchemaScriptsTests
{
    [Fact]
    public void Migrations_OfBothProviders_HaveTheSameVersionsAndDescriptions() =>
        Assert.Equal(
            SchemaScripts.Migrations(StorageProvider.Sqlite).Select(script => (script.Version, script.Description)),
            SchemaScripts.Migrations(StorageProvider.MySql).Select(script => (script.Version, script.Description)));

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.MySql)]
    public void Migrations_AreNumberedFromOneWithoutGaps(StorageProvider provider)
    {
        var versions = SchemaScripts.Migrations(provider).Select(script => script.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        Assert.Equal("grain_state", SchemaScripts.Migrations(provider)[0].Description);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.MySql)]
    public void VersionTable_CreatesSchemaVersionOnlyWhenMissing(StorageProvider provider) =>
        Assert.Contains("CREATE TABLE IF NOT EXISTS schema_version", SchemaScripts.VersionTable(provider));
}
