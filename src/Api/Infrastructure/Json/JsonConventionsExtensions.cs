using System.Text.Json.Serialization;

namespace Hospital.Api.Infrastructure.Json;

public static class JsonConventionsExtensions
{
    /// <summary>Enums travel by name ("Held", "FewLeft"), so clients read stable words instead of positions.</summary>
    public static IHostApplicationBuilder AddJsonConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }
}
