using Hospital.TestSupport.MariaDb;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hospital.TestSupport.Contracts;

/// <summary>Decides from a test class's attributes whether its backend is missing here.</summary>
internal static class BackendSkip
{
    /// <summary>Why the tests of <paramref name="testClass"/> are skipped, or null when they run.</summary>
    public static string? ReasonFor(ITestClass testClass) =>
        testClass.Class.GetCustomAttributes(typeof(RequiresMariaDbAttribute)).Any()
            ? MariaDbAvailability.SkipReason
            : null;
}
