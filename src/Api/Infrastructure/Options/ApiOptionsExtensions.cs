using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Options;

public static class ApiOptionsExtensions
{
    /// <summary>Binds <see cref="ApiOptions"/> from section <c>Api</c> and fails the start if it is invalid.</summary>
    public static IHostApplicationBuilder AddApiOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        return builder;
    }
}
