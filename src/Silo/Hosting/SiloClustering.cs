namespace Hospital.Silo.Hosting;

/// <summary>How the nodes of one hospital find each other.</summary>
public enum SiloClustering
{
    /// <summary>One node on its own (embedded mode, SQLite): Orleans' localhost clustering, nothing to install.</summary>
    Localhost,

    /// <summary>Any number of nodes forming one cluster through the membership table in the MySQL/MariaDB database.</summary>
    AdoNet,
}
