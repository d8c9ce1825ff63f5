namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>Marker for grain interfaces: every method returns <see cref="Task"/>, <see cref="Task{TResult}"/> or <see cref="ValueTask"/>.</summary>
public interface IGrain;
