using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage;

[RequiresMariaDb]
public sealed class MariaDbGrainStateStoreContract(MariaDbDatabaseFixture fixture)
    : GrainStateStoreContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
