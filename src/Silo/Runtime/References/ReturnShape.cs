namespace Hospital.Silo.Runtime.References;

/// <summary>What a grain method declares it returns, so its caller gets the task in that shape.</summary>
internal enum ReturnShape
{
    /// <summary><see cref="Task"/> or <see cref="Task{TResult}"/>: the call's task itself.</summary>
    Task,
    /// <summary><see cref="System.Threading.Tasks.ValueTask"/>.</summary>
    ValueTask,
    /// <summary><see cref="ValueTask{TResult}"/>.</summary>
    ValueTaskOfResult,
}
