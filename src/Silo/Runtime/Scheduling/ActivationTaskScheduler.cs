using System.Collections.Concurrent;

namespace Hospital.Silo.Runtime.Scheduling;

/// <summary>
/// A task scheduler with a concurrency of one, one per activation.
/// Invariant: at most one thread-pool thread drains <see cref="_tasks"/> at a time (the
/// <see cref="_draining"/> gate), so tasks queued here never run in parallel. Grain code runs as
/// such tasks, and an <c>await</c> inside grain code captures <see cref="TaskScheduler.Current"/>,
/// so every continuation comes back here.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    // After this many tasks the drain yields its thread so one busy activation cannot starve the others.
    private const int TasksPerDrain = 128;

    [ThreadStatic] private static ActivationTaskScheduler? t_draining;

    private readonly ConcurrentQueue<Task> _tasks = new();
    private int _draining;

    /// <summary>True when the current thread is running this scheduler's tasks.</summary>
    public bool IsCurrent => t_draining == this;

    public override int MaximumConcurrencyLevel => 1;

    // The global queue (preferLocal: false) keeps activations FIFO-fair: a thread's local queue runs LIFO,
    // which lets one caller and one activation monopolise a thread while others wait.
    protected override void QueueTask(Task task)
    {
        _tasks.Enqueue(task);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    // Inlining is only safe on the thread that already holds this scheduler: it keeps the one-at-a-time rule.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => IsCurrent && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    void IThreadPoolWorkItem.Execute()
    {
        t_draining = this;
        try
        {
            for (var i = 0; i < TasksPerDrain; i++)
            {
                if (!_tasks.TryDequeue(out var task))
                {
                    Release();
                    return;
                }
                TryExecuteTask(task);
            }
            // Still holding the gate: continue later, behind work of other activations.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            t_draining = null;
        }
    }

    private void Release()
    {
        // A full fence (not a plain write): the IsEmpty read below must not move before the release of the gate,
        // or a task queued meanwhile (seeing the gate still taken) would be stranded.
        Interlocked.Exchange(ref _draining, 0);
        // A task queued between our last TryDequeue and the release saw the gate taken and did not schedule a drain.
        if (!_tasks.IsEmpty && Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
