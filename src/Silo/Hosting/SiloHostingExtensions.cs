using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hospital.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>Hosts the silo in-process: runtime, storage and the hospital's grains.</summary>
    public static IHostApplicationBuilder AddSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSiloRuntime(builder.Configuration);
        builder.Services.AddSiloStorage(builder.Configuration);
        builder.Services.AddHospital(builder.Configuration);
        return builder;
    }
}
