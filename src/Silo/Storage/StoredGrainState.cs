namespace Hospital.Silo.Storage;

/// <summary>A grain state document as stored, with the version it was stored at.</summary>
public sealed record StoredGrainState(string PayloadJson, string Etag);
