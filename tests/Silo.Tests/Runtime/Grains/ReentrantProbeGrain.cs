using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>The probe marked reentrant: calls interleave at awaits.</summary>
[Reentrant]
public sealed class ReentrantProbeGrain(IGrainContext context) : ProbeGrainBase(context), IReentrantProbeGrain;
