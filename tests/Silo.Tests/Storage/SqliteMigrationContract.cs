using Hospital.TestSupport.Databases;

namespace Hospital.Silo.Tests.Storage;

public sealed class SqliteMigrationContract(SqliteDatabaseFixture fixture)
    : MigrationContract(fixture), IClassFixture<SqliteDatabaseFixture>;
