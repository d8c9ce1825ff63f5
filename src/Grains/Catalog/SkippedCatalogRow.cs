namespace Hospital.Grains.Catalog;

/// <summary>
/// A stored catalog row that planning leaves out because it breaks a rule (written before the rule existed, or by hand):
/// one bad row must never stop a node from planning or starting. Admins see these and fix or delete the rows.
/// </summary>
/// <remarks>
/// <para><c>Key</c>: The row's key as its table names it, e.g. <c>id=-1</c> or <c>doctor_id=7, weekday=1, period=Morning</c>.</para>
/// </remarks>
public sealed record SkippedCatalogRow(string Table, string Key, string Reason);
