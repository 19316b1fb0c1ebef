using Quartz;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Quartz;

/// <summary>The copy of Quartz's table script the cluster tests run is the script the referenced Quartz package ships.</summary>
public sealed class QuartzTablesScriptTests
{
    [Fact]
    public void Script_KeptInTheTestProject_EqualsTheScriptTheQuartzPackageShips()
    {
        using var shipped = typeof(IScheduler).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
            ?? throw new InvalidOperationException("The Quartz package no longer ships Quartz.Impl.AdoJobStore.Schema.create_postgres.sql: take the upgrade's database/tables/tables_postgres.sql into QuartzTables.postgres.sql.");
        using var reader = new StreamReader(shipped);

        Assert.Equal(reader.ReadToEnd().ReplaceLineEndings("\n"), QuartzTables.Script());
    }
}
