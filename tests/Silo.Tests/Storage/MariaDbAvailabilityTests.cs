using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage;

/// <summary>The MariaDB skip rule (see <see cref="MariaDbAvailability"/>), which every test project's MariaDB tests follow.</summary>
public sealed class MariaDbAvailabilityTests : IDisposable
{
    private readonly DirectoryInfo _emptyFolder = Directory.CreateTempSubdirectory("hospital-path-");

    [Fact]
    public void SkipReason_WithoutMariaDbOnPath_SkipsLoudly() =>
        Assert.StartsWith(
            "MariaDB not installed: mariadbd not found on PATH",
            MariaDbAvailability.SkipReasonFor(ciVariable: null, pathVariable: _emptyFolder.FullName));

    [Fact]
    public void SkipReason_WithoutMariaDbUnderCi_DoesNotSkipSoTheTestsFail() =>
        Assert.Null(MariaDbAvailability.SkipReasonFor(ciVariable: "true", pathVariable: _emptyFolder.FullName));

    [Fact]
    public void SkipReason_WithMariaDbOnPath_DoesNotSkip()
    {
        File.WriteAllText(Path.Combine(_emptyFolder.FullName, "mariadbd"), string.Empty);

        Assert.Null(MariaDbAvailability.SkipReasonFor(ciVariable: null, pathVariable: $"/nonexistent:{_emptyFolder.FullName}"));
    }

    public void Dispose() => _emptyFolder.Delete(recursive: true);
}
