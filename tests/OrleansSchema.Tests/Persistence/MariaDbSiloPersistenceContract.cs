using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.OrleansSchema.Tests.Persistence;

[RequiresMariaDb]
public sealed class MariaDbSiloPersistenceContract(MariaDbDatabaseFixture fixture)
    : SiloPersistenceContract(fixture), IClassFixture<MariaDbDatabaseFixture>
{
    // Orleans' ADO.NET storage keeps a string key whole in GrainIdExtensionString and the state in PayloadBinary.
    protected override string StoredPayloadSql =>
        "SELECT CONVERT(PayloadBinary USING utf8mb4) FROM orleans_storage WHERE GrainIdExtensionString = @Key";
}
