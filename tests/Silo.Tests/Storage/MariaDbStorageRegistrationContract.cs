using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage;

[RequiresMariaDb]
public sealed class MariaDbStorageRegistrationContract(MariaDbDatabaseFixture fixture)
    : StorageRegistrationContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
