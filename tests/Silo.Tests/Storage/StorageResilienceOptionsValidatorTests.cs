using Hospital.Silo.Storage.Resilience;

namespace Hospital.Silo.Tests.Storage;

public sealed class StorageResilienceOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new StorageTimeoutOptionsValidator().Validate(null, new StorageTimeoutOptions()).Succeeded);
        Assert.True(new StorageCircuitBreakerOptionsValidator().Validate(null, new StorageCircuitBreakerOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0, 2, "ConnectTimeout")]          // zero is "wait forever" to the driver
    [InlineData(2, 1.5, "CommandTimeout")]        // the driver takes whole seconds
    [InlineData(2, 7200, "CommandTimeout")]
    public void Timeouts_OutOfRange_FailNamingTheSetting(double connectSeconds, double commandSeconds, string setting)
    {
        var result = new StorageTimeoutOptionsValidator().Validate(null, new StorageTimeoutOptions
        {
            ConnectTimeout = TimeSpan.FromSeconds(connectSeconds), CommandTimeout = TimeSpan.FromSeconds(commandSeconds),
            BulkCommandTimeout = TimeSpan.FromHours(1),
        });

        Assert.True(result.Failed);
        Assert.Contains($"Storage:Timeouts:{setting}", result.FailureMessage);
    }

    [Fact]
    public void BulkCommandTimeout_ShorterThanCommandTimeout_Fails()
    {
        var result = new StorageTimeoutOptionsValidator().Validate(null, new StorageTimeoutOptions
        {
            CommandTimeout = TimeSpan.FromSeconds(10), BulkCommandTimeout = TimeSpan.FromSeconds(5),
        });

        Assert.Contains("BulkCommandTimeout", result.FailureMessage);
    }

    [Theory]
    [InlineData(0, 4, 3, "FailureRatio")]
    [InlineData(1.5, 4, 3, "FailureRatio")]
    [InlineData(0.5, 1, 3, "MinimumThroughput")]
    [InlineData(0.5, 4, 0.1, "BreakDuration")]
    public void CircuitBreaker_OutOfRange_FailsNamingTheSetting(double ratio, int throughput, double breakSeconds, string setting)
    {
        var result = new StorageCircuitBreakerOptionsValidator().Validate(null, new StorageCircuitBreakerOptions
        {
            FailureRatio = ratio, MinimumThroughput = throughput, BreakDuration = TimeSpan.FromSeconds(breakSeconds),
        });

        Assert.True(result.Failed);
        Assert.Contains($"Storage:CircuitBreaker:{setting}", result.FailureMessage);
    }
}
