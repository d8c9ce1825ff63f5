using Microsoft.AspNetCore.Hosting;
using Hospital.Api.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Tests.Options;

public sealed class ApiOptionsTests
{
    [Theory]
    [InlineData("Api:AdminKey", "too-short")]
    [InlineData("Api:AdminKey", "")]
    [InlineData("Api:TimeoutRetryAfterSeconds", "0")]
    public void Start_WithInvalidApiOptions_Fails(string key, string value)
    {
        using var baseFactory = new ApiFactory();
        using var factory = baseFactory.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var failure = Record.Exception(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(failure);
        Assert.Equal(typeof(ApiOptions), validation.OptionsType);
    }
}
