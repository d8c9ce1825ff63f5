using Hospital.Silo.Storage;

namespace Hospital.LoadTests.Scenarios;

/// <summary>What every scenario run needs: where the load goes, how much and how long, the database to check, where results go.</summary>
/// <remarks>
/// <para><c>Users</c>: concurrent virtual users (and pooled connections).</para>
/// <para><c>Duration</c>: the longest the measured phase may last; every wait and retry ends with it.</para>
/// <para><c>RequestCap</c>: the most requests the whole run may send.</para>
/// <para><c>Staff</c>: the hospital admin that sets up departments and reads appointments for checks (null: none needed).</para>
/// <para><c>Backend</c>: a label for the report, e.g. "sqlite" or "mariadb".</para>
/// </remarks>
public sealed record RunSettings(
    Uri Target, int Users, TimeSpan Duration, int RequestCap, StaffCredentials? Staff, StorageProvider Provider, string? ConnectionString,
    string? ResultsFile, string Backend, TimeSpan CeilingDuration);
