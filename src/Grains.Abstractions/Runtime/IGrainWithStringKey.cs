namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>A grain identified by a string key (session id, patient id, ...).</summary>
public interface IGrainWithStringKey : IGrain;
