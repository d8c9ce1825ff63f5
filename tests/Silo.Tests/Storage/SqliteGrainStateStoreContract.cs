using Hospital.TestSupport.Databases;

namespace Hospital.Silo.Tests.Storage;

public sealed class SqliteGrainStateStoreContract(SqliteDatabaseFixture fixture)
    : GrainStateStoreContract(fixture), IClassFixture<SqliteDatabaseFixture>;
