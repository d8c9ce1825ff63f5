using Hospital.Silo.Runtime.Catalog;

namespace Hospital.Silo.Runtime.Messaging;

/// <summary>
/// One entry of an activation's mailbox: a grain call or a timer tick. The activation's pump
/// starts it as a turn on the activation's scheduler.
/// </summary>
internal abstract class ActivationWorkItem
{
    /// <summary>When the turn started, in <see cref="TimeProvider.GetTimestamp"/> units; set by the pump.</summary>
    public long StartedAt { get; set; }

    /// <summary>
    /// Runs the item's code on the activation's scheduler. Returns true when it completed synchronously
    /// (the pump then ends the turn itself); false when it will call <see cref="ActivationData.OnTurnCompleted"/> later.
    /// </summary>
    public abstract bool Start(ActivationData activation);

    /// <summary>The activation went away before running this item; a call goes to the key's next activation.</summary>
    public abstract void Reroute(GrainCatalog catalog);

    /// <summary>The activation could not be created; a call fails with the activation's error.</summary>
    public abstract void Fail(Exception error);
}
