namespace Hospital.Silo.Runtime.Catalog;

/// <summary>What happened to an item offered to an activation's mailbox.</summary>
internal enum EnqueueResult
{
    /// <summary>Queued; it will run or be rerouted.</summary>
    Accepted,
    /// <summary>The mailbox is full; the caller fails at once.</summary>
    Overloaded,
    /// <summary>The activation is gone; offer the item to the key's next activation.</summary>
    Gone,
}
