using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>The probe with the default turn rule: non-reentrant.</summary>
public sealed class ProbeGrain(IGrainContext context) : ProbeGrainBase(context), IProbeGrain;
