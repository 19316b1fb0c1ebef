namespace Connect.Sdk.Samples.Tests.ClassicMigration;

/// <summary>The ClassicMigration sample, run as a user runs it: a dry run, an apply and an apply that finds nothing to do.</summary>
public sealed class ClassicMigrationSampleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-classic-migration-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Run_600Rows_ReportsEachConflictByLineWritesTheCleanRowsAndThenNothing()
    {
        Directory.CreateDirectory(_folder);

        var run = await SampleProcess.RunAsync("ClassicMigration", ["--rows", "600", "--store", Path.Combine(_folder, "classic.db")]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("dry run of shopify-de: 592 foreign number(s) to create, 0 to update, 0 unchanged, 8 conflict(s), 7 connection change(s)", run.Output);
        // The sample's mistakes: two articles with one product id (lines 2, 101), two ids for one article (3, 404;
        // 101, 127), a WooCommerce label, a variant label on a simple article and a line without its number.
        var conflictLines = run.Output.Where(l => l.StartsWith("  line ", StringComparison.Ordinal)).Select(l => l.Split(':')[0].Trim()).ToArray();
        Assert.Equal(["line 2", "line 3", "line 101", "line 127", "line 202", "line 303", "line 404", "line 505"], conflictLines);
        Assert.Contains("migration of shopify-de: 592 foreign number(s) created, 0 updated, 0 unchanged, 8 conflict(s), 7 connection change(s)", run.Output);
        Assert.Contains(run.Output, l => l.StartsWith("Connection: shopify-de (shopify) not productive", StringComparison.Ordinal));
        Assert.Contains("migration of shopify-de: nothing to do; 592 foreign number(s) unchanged, 8 conflict(s)", run.Output);
        Assert.DoesNotContain(run.Output, l => l.Contains("shpat_sample-classic-token", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
