using System.Text.Json.Serialization;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Http.Json;

namespace Hospital.Api.Infrastructure.Json;

public static class JsonConventionsExtensions
{
    /// <summary>
    /// Enums travel by name ("Held", "FewLeft"), so clients read stable words instead of positions; instants travel in the
    /// hospital's zone with its offset (<see cref="HospitalTimeJsonConverter"/>).
    /// </summary>
    public static IHostApplicationBuilder AddJsonConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JsonOptions>().Configure<HospitalTime>((options, hospitalTime) =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new HospitalTimeJsonConverter(hospitalTime));
        });
        return builder;
    }
}
