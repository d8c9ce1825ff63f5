namespace Hospital.Silo.Runtime.Messaging;

/// <summary>
/// The calls an activation has started and not yet ended, kept for the call-timeout sweep without a lock.
/// Invariants: <see cref="Add"/> and <see cref="Remove"/> run only on the activation's scheduler;
/// <see cref="TimeOutCallsMadeBy"/> may run on any thread at the same time and reads each slot once. It may
/// see a call that has just ended (TimeOut ignores answered calls) or miss one just started (the next sweep sees it).
/// </summary>
internal sealed class RunningCalls
{
    private readonly Stack<int> _freeSlots = new([0]);
    private GrainCall?[] _slots = new GrainCall?[1];

    public void Add(GrainCall call)
    {
        if (_freeSlots.Count == 0) Grow();
        call.RunningSlot = _freeSlots.Pop();
        Volatile.Write(ref _slots[call.RunningSlot], call);
    }

    public void Remove(GrainCall call)
    {
        Volatile.Write(ref _slots[call.RunningSlot], null);
        _freeSlots.Push(call.RunningSlot);
    }

    public void TimeOutCallsMadeBy(int sweep)
    {
        foreach (var call in Volatile.Read(ref _slots))
        {
            if (call is not null && call.MadeInSweep <= sweep) call.TimeOut();
        }
    }

    // Only reentrant activations ever hold more than one running call.
    private void Grow()
    {
        var slots = new GrainCall?[_slots.Length * 2];
        Array.Copy(_slots, slots, _slots.Length);
        for (var slot = slots.Length - 1; slot >= _slots.Length; slot--) _freeSlots.Push(slot);
        Volatile.Write(ref _slots, slots);
    }
}
