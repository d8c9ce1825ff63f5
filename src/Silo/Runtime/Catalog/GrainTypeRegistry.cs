using System.Reflection;
using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>Which class implements each grain interface, and whether that class is reentrant.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, Type> _classByInterface = [];

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            if (_classByInterface.TryGetValue(registration.GrainInterface, out var existing) && existing != registration.GrainClass)
            {
                throw new InvalidOperationException($"{registration.GrainInterface.Name} is registered twice: {existing.Name} and {registration.GrainClass.Name}.");
            }
            _classByInterface[registration.GrainInterface] = registration.GrainClass;
        }
    }

    public Type GetGrainClass(Type grainInterface)
    {
        EnsureRegistered(grainInterface);
        return _classByInterface[grainInterface];
    }

    public void EnsureRegistered(Type grainInterface)
    {
        if (!_classByInterface.ContainsKey(grainInterface))
        {
            throw new InvalidOperationException($"No grain class is registered for {grainInterface.Name}; call services.AddGrain<{grainInterface.Name}, TGrain>().");
        }
    }

    public static bool IsReentrant(Type grainClass) => grainClass.GetCustomAttribute<ReentrantAttribute>() is not null;
}
