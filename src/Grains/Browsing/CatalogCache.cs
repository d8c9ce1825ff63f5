using Hospital.Grains.Catalog;

namespace Hospital.Grains.Browsing;

/// <summary>
/// The catalog and the sessions of the booking window in memory, so browsing never queries the database per request.
/// Replaced whole (a new immutable snapshot) after planning or an admin change; readers never see half an update.
/// </summary>
public sealed class CatalogCache
{
    private CatalogSnapshot _current = CatalogSnapshot.Empty;

    public CatalogSnapshot Current => Volatile.Read(ref _current);

    public void Replace(HospitalCatalog catalog, IEnumerable<SessionDefinition> sessions) =>
        Volatile.Write(ref _current, new CatalogSnapshot(catalog, sessions));
}
