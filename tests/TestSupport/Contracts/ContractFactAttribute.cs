using Xunit.Sdk;

namespace Hospital.TestSupport.Contracts;

/// <summary>
/// A fact of a contract suite: declared once on an abstract base class, run once per backend subclass, and
/// skipped on a subclass marked <see cref="MariaDb.RequiresMariaDbAttribute"/> when MariaDB is missing (not under CI=true).
/// </summary>
/// <example>
/// <code>
/// public abstract class SlotStoreContract(TestDatabaseFixture fixture)
/// {
///     [ContractFact]
///     public async Task Hold_WhenPoolIsFull_ReturnsSoldOut() { var db = fixture.Database; ... }
/// }
///
/// public sealed class SqliteSlotStoreContract(SqliteDatabaseFixture fixture)
///     : SlotStoreContract(fixture), IClassFixture&lt;SqliteDatabaseFixture&gt;;
///
/// [RequiresMariaDb]
/// public sealed class MariaDbSlotStoreContract(MariaDbDatabaseFixture fixture)
///     : SlotStoreContract(fixture), IClassFixture&lt;MariaDbDatabaseFixture&gt;;
/// </code>
/// </example>
[XunitTestCaseDiscoverer("Hospital.TestSupport.Contracts.ContractFactDiscoverer", "Hospital.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;
