using System.Data.Common;

namespace Hospital.Silo.Storage.MySql;

/// <summary>
/// Every connection stayed in use for as long as a new one may be waited for. A database failure like a driver's own
/// time-out (so the API answers 503 with Retry-After): the request did nothing wrong and a retry usually succeeds.
/// </summary>
public sealed class ConnectionSlotTimeoutException(int maxOpenConnections, TimeSpan waited)
    : DbException($"All {maxOpenConnections} database connections stayed in use for {waited.TotalSeconds:0.#} s.");
