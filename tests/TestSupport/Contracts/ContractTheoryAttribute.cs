using Xunit.Sdk;

namespace Hospital.TestSupport.Contracts;

/// <summary>The theory form of <see cref="ContractFactAttribute"/>, with the same per-backend skip rule.</summary>
[XunitTestCaseDiscoverer("Hospital.TestSupport.Contracts.ContractTheoryDiscoverer", "Hospital.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractTheoryAttribute : TheoryAttribute;
