namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>
/// Lets calls to this grain interleave at await points. Turns still never run in parallel,
/// so state is safe between awaits but must be re-checked after each one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
