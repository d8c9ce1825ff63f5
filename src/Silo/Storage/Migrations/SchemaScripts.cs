using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Hospital.Silo.Storage.Migrations;

/// <summary>
/// Reads the schema scripts embedded from Storage/Schema/{Provider}/ (see Schema/README.md): the version table
/// script and the numbered migrations, in version order.
/// </summary>
public static partial class SchemaScripts
{
    private const string VersionTableFile = "schema_version.sql";

    /// <summary>The script that creates the schema_version table if it is missing.</summary>
    public static string VersionTable(StorageProvider provider) =>
        Read(ResourcePrefix(provider) + VersionTableFile);

    /// <summary>The numbered scripts of <paramref name="provider"/>, ordered by version.</summary>
    public static IReadOnlyList<SchemaScript> Migrations(StorageProvider provider)
    {
        var prefix = ResourcePrefix(provider);
        var scripts = Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name != prefix + VersionTableFile)
            .Select(name => Parse(name, prefix))
            .OrderBy(script => script.Version)
            .ToList();
        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {provider} schema scripts have version {duplicate.Key:D4}.");
        }

        return scripts;
    }

    private static Assembly Assembly => typeof(SchemaScripts).Assembly;

    private static string ResourcePrefix(StorageProvider provider) => $"Hospital.Silo.Storage.Schema.{provider}.";

    private static SchemaScript Parse(string resourceName, string prefix)
    {
        var fileName = resourceName[prefix.Length..];
        var match = ScriptName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException(
                $"Schema script '{fileName}' is not named NNNN_description.sql (see Storage/Schema/README.md).");
        }

        return new SchemaScript(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, Read(resourceName));
    }

    private static string Read(string resourceName)
    {
        using var stream = Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded schema script '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
