using Microsoft.Extensions.DependencyInjection;

namespace Hospital.TestSupport.Hospital;

/// <summary>Wraps a registered service for fault injection, keeping the real one inside.</summary>
public static class ServiceDecoration
{
    /// <summary>Replaces the registration of <typeparamref name="T"/> with one that wraps the original instance.</summary>
    public static void Decorate<T>(this IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var original = services.Single(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddSingleton(provider => wrap((T)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!)));
    }
}
