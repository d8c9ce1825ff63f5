using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hospital.TestSupport.Contracts;

/// <summary>A test case whose skip reason also comes from its class's backend (<see cref="BackendSkip"/>).</summary>
public sealed class BackendTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BackendTestCase()
    {
    }

    public BackendTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        BackendSkip.ReasonFor(TestMethod.TestClass) ?? base.GetSkipReason(factAttribute);
}
