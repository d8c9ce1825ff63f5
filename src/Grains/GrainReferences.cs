using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Hospital.Grains;

/// <summary>
/// Grain references for the booking and payment paths. Orleans' <c>GetGrain&lt;T&gt;(string)</c> works out the interface's grain type
/// anew on every call, reading the interface's custom attributes by reflection: a profile of the release burst put 7% of
/// the API's samples there (a booking takes four or five references). Here the types are worked out once per interface,
/// by that same call, and every later reference is built from them, so it is the reference Orleans would have built.
/// </summary>
public static class GrainReferences
{
    private static readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> Types = new();

    public static T Of<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        if (!Types.TryGetValue(typeof(T), out var types))
        {
            var reference = (GrainReference)(object)grains.GetGrain<T>(key);
            Types.TryAdd(typeof(T), (reference.GrainId.Type, reference.InterfaceType));
            return (T)(object)reference;
        }
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }
}
