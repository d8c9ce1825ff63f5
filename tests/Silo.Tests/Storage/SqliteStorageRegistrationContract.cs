using Hospital.TestSupport.Databases;

namespace Hospital.Silo.Tests.Storage;

public sealed class SqliteStorageRegistrationContract(SqliteDatabaseFixture fixture)
    : StorageRegistrationContract(fixture), IClassFixture<SqliteDatabaseFixture>;
