using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hospital.TestSupport.Contracts;

/// <summary>
/// Discovers <see cref="ContractTheoryAttribute"/> tests: one skipped <see cref="BackendTestCase"/> when the class's
/// backend is missing (as xunit does for a skipped theory), otherwise the usual theory cases.
/// </summary>
public sealed class ContractTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        BackendSkip.ReasonFor(testMethod.TestClass) is null
            ? base.Discover(discoveryOptions, testMethod, theoryAttribute)
            : [new BackendTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}
