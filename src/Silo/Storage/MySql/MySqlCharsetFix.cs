using System.Collections;
using System.Reflection;
using MySql.Data.MySqlClient;

namespace Hospital.Silo.Storage.MySql;

/// <summary>
/// Teaches MySql.Data 8.0.16 the charset name <c>utf8mb3</c>.
/// </summary>
/// <remarks>
/// The driver predates that name, which MariaDB 10.6+ and MySQL 8.0.30+ report for their system charset. Without
/// it every result column in that charset (<c>SELECT @@version</c>, information_schema, and the SHOW WARNINGS the
/// driver sends by itself after a statement that raised a note, e.g. DROP TABLE IF EXISTS on a missing table)
/// throws "Character set 'utf8mb3' is not supported" and kills the connection; CharSet=utf8mb4 in the connection
/// string does not help. utf8mb3 is the old "utf8", so the fix maps the new name onto the driver's existing entry
/// in its private static map. It must run before the first connection, while nothing reads the map concurrently.
/// </remarks>
internal static class MySqlCharsetFix
{
    private static readonly Lock Gate = new();
    private static bool _applied;

    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied)
            {
                return;
            }

            var mapType = typeof(MySqlConnection).Assembly.GetType("MySql.Data.MySqlClient.CharSetMap", throwOnError: true)!;
            var field = mapType.GetField("_mapping", BindingFlags.Static | BindingFlags.NonPublic)
                ?? throw new InvalidOperationException(
                    "MySql.Data.MySqlClient.CharSetMap._mapping not found: the MySql.Data version changed; re-check the utf8mb3 fix.");
            var mapping = (IDictionary)field.GetValue(null)!;
            if (!mapping.Contains("utf8mb3"))
            {
                mapping["utf8mb3"] = mapping["utf8"];
            }

            _applied = true;
        }
    }
}
