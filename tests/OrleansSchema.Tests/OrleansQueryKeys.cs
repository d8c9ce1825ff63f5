namespace Hospital.OrleansSchema.Tests;

/// <summary>
/// The OrleansQuery keys each ADO.NET provider of Orleans 10.4.2 looks up (read from the packages' assemblies). The
/// clustering and reminder providers refuse to start when one is missing; grain storage needs DeleteStorageKey only
/// with DeleteStateOnClear, and clustering uses CleanupDefunctSiloEntryKey when present (CleanupDefunctSiloEntriesKey
/// otherwise).
/// </summary>
public static class OrleansQueryKeys
{
    public static readonly string[] Clustering =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
    ];

    public static readonly string[] Persistence =
        ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    public static readonly string[] Reminders =
    [
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    public static IEnumerable<string> All => Clustering.Concat(Persistence).Concat(Reminders);
}
