namespace Hospital.TestSupport;

/// <summary>The repository the tests run from, found by walking up from the test binaries to Hospital.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The repository's root folder.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Hospital.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Hospital.sln above {AppContext.BaseDirectory}.");
    }
}
