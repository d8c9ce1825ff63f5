namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>Hands out references to grains; a reference is cheap and activates nothing until it is called.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a typed reference whose calls are queued to the single activation of <paramref name="key"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
