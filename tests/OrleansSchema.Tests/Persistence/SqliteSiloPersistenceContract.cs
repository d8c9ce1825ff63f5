using Hospital.TestSupport.Databases;

namespace Hospital.OrleansSchema.Tests.Persistence;

public sealed class SqliteSiloPersistenceContract(SqliteDatabaseFixture fixture)
    : SiloPersistenceContract(fixture), IClassFixture<SqliteDatabaseFixture>
{
    // Keyed "service/type/key" by StateStoreGrainStorage.
    protected override string StoredPayloadSql => "SELECT payload FROM grain_state WHERE grain_key LIKE '%/' || @Key";
}
