namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>The probe on a [Reentrant] grain class.</summary>
public interface IReentrantProbeGrain : IProbeGrain;
