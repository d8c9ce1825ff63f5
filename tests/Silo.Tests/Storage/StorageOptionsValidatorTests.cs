using Hospital.Silo.Storage;

namespace Hospital.Silo.Tests.Storage;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_SucceedWithTheSqliteFileUnderData()
    {
        var options = new StorageOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal($"Data Source={Path.GetFullPath("data/hospital.db")}", options.EffectiveConnectionString);
    }

    [Fact]
    public void EffectiveConnectionString_SqliteGivenAFilePath_ResolvesItLikeTheDefault()
    {
        var options = new StorageOptions { ConnectionString = "data/other.db" };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal($"Data Source={Path.GetFullPath("data/other.db")}", options.EffectiveConnectionString);
    }

    [Fact]
    public void Validate_MySqlWithoutConnectionString_FailsNamingTheSetting()
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = StorageProvider.MySql });

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString", result.FailureMessage);
    }

    [Fact]
    public void Validate_MySqlGivenAFilePath_FailsSayingWhatToWrite()
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = StorageProvider.MySql, ConnectionString = "data/hospital.db" });

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString", result.FailureMessage);
        Assert.Contains("Server=127.0.0.1", result.FailureMessage);
    }

    [Fact]
    public void Validate_UnknownProvider_Fails() =>
        Assert.True(_validator.Validate(null, new StorageOptions { Provider = (StorageProvider)42 }).Failed);
}
