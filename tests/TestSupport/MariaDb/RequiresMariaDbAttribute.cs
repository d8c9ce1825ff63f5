namespace Hospital.TestSupport.MariaDb;

/// <summary>
/// Marks a test class that runs against MariaDB: its <see cref="Contracts.ContractFactAttribute"/> and
/// <see cref="Contracts.ContractTheoryAttribute"/> tests are skipped by <see cref="MariaDbAvailability"/>'s rule.
/// Put it on the concrete MariaDB subclass of a contract suite.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresMariaDbAttribute : Attribute;
