namespace Hospital.Silo.Runtime.Catalog;

/// <summary>One grain interface and the class that implements it; added to DI by AddGrain.</summary>
public sealed record GrainRegistration(Type GrainInterface, Type GrainClass);
