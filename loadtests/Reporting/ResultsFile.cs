using System.Text.Json;

namespace Hospital.LoadTests.Reporting;

/// <summary>Reads and writes run summaries as indented JSON, one file per run.</summary>
public static class ResultsFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(string path, RunSummary run)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(run, Json));
    }

    public static async Task<RunSummary> ReadAsync(string path) =>
        JsonSerializer.Deserialize<RunSummary>(await File.ReadAllTextAsync(path), Json)
        ?? throw new InvalidDataException($"{path} holds no run summary.");
}
