namespace Hospital.OrleansSchema.Tests.Cluster;

/// <summary>The tests that share one two-silo cluster; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class OrleansClusterCollection : ICollectionFixture<OrleansClusterFixture>
{
    public const string Name = "Orleans cluster on MariaDB";
}
