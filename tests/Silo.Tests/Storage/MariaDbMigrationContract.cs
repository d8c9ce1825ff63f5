using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage;

[RequiresMariaDb]
public sealed class MariaDbMigrationContract(MariaDbDatabaseFixture fixture)
    : MigrationContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
