using System.Text;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Migration;
using Connect.Sdk.Tests.ForeignNumbers;
using Connect.Sdk.Tests.Lifecycle;
using static Connect.Sdk.Tests.Migration.MigrationWorld;

namespace Connect.Sdk.Tests.Migration;

public sealed class ClassicConnectionMigrationTests
{
    private const string CleanRows = "4711;shopifyproductid;1001\nM-100;shopifyproductid;1002\nM-100-S;shopifyvariantid;2001\nM-100-L;shopifyvariantid;2002\n";

    [Fact]
    public async Task DryRunAsync_NewConnection_ReportsWhatWouldBeCreatedAndWritesNothing()
    {
        var world = new MigrationWorld();

        var report = await world.DryRunAsync(Export(CleanRows));

        Assert.True(report.IsDryRun);
        Assert.Equal(4, report.ForeignNumbersCreated);
        Assert.Equal(0, report.ForeignNumbersUpdated);
        Assert.Contains(report.ConnectionChanges, c => c.StartsWith($"create connection {Target}", StringComparison.Ordinal));
        Assert.Contains("import mode Demo → Automatic", report.ConnectionChanges);
        Assert.Null(await world.Connections.GetAsync(Target, CancellationToken.None));
        Assert.Empty(await world.ListForeignNumbersAsync());
    }

    [Fact]
    public async Task ApplyAsync_NewConnection_CreatesItInTheTestPhaseWithTheClassicSettings()
    {
        var world = new MigrationWorld();

        var report = await world.ApplyAsync(Export(CleanRows));

        var connection = await world.ConnectionAsync();
        Assert.False(report.IsDryRun);
        Assert.False(connection.IsProductive);
        Assert.Equal(ImportMode.Automatic, connection.ImportMode);
        Assert.Equal(FeatureMode.Test, connection.ModeOf(FeatureKind.Orders));
        Assert.Equal(FeatureMode.Test, connection.ModeOf(FeatureKind.OrderStatus));
        Assert.Equal(FeatureMode.Test, connection.ModeOf(FeatureKind.Stock));
        Assert.Equal("classic.myshopify.com", connection.Settings.Get(LifecycleFixtures.ShopUrl));
        Assert.Equal(Token, (await world.Secrets.GetAsync(Target, LifecycleFixtures.AccessToken, CancellationToken.None))?.Reveal());
        Assert.Equal(4, (await world.ListForeignNumbersAsync()).Count);
    }

    [Fact]
    public async Task ApplyAsync_TrackingFeedbackAndStockSyncOff_LeavesThoseFeaturesOff()
    {
        var world = new MigrationWorld();
        var settings = new ClassicSettings { ImportMode = ImportMode.Manual, TrackingFeedback = false, StockSync = false };

        await world.ApplyAsync(Export(CleanRows, settings: settings));

        var connection = await world.ConnectionAsync();
        Assert.Equal(ImportMode.Manual, connection.ImportMode);
        Assert.Equal(FeatureMode.Off, connection.ModeOf(FeatureKind.OrderStatus));
        Assert.Equal(FeatureMode.Off, connection.ModeOf(FeatureKind.Stock));
        Assert.Equal(FeatureMode.Test, connection.ModeOf(FeatureKind.Orders));
    }

    [Fact]
    public async Task ApplyAsync_ReRunAfterTheUserSwitchedFeaturesOn_KeepsThemAndChangesNothing()
    {
        var world = new MigrationWorld();
        var settings = new ClassicSettings { ImportMode = ImportMode.Manual, TrackingFeedback = false, StockSync = false };
        await world.ApplyAsync(Export(CleanRows, settings: settings));
        Assert.True((await world.Lifecycle.SetFeatureModeAsync(Target, FeatureKind.Stock, FeatureMode.Test, Migrator, CancellationToken.None)).Succeeded);
        Assert.True((await world.Lifecycle.SetFeatureModeAsync(Target, FeatureKind.OrderStatus, FeatureMode.Test, Migrator, CancellationToken.None)).Succeeded);

        var again = await world.ApplyAsync(Export(CleanRows, settings: settings));

        Assert.True(again.IsNothingToDo, again.Describe());
        var connection = await world.ConnectionAsync();
        Assert.Equal((FeatureMode.Test, FeatureMode.Test), (connection.ModeOf(FeatureKind.Stock), connection.ModeOf(FeatureKind.OrderStatus)));
    }

    [Fact]
    public async Task ApplyAsync_SecondRun_ChangesNothingAndSaysSo()
    {
        var world = new MigrationWorld();
        var export = Export(CleanRows + "4711;SKU;bad-label\n");
        await world.ApplyAsync(export);
        var before = await world.ConnectionAsync();

        var again = await world.ApplyAsync(export);

        Assert.True(again.IsNothingToDo);
        Assert.StartsWith($"migration of {Target}: nothing to do", again.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, again.ForeignNumbersUnchanged);
        Assert.Single(again.Conflicts);
        Assert.Empty(again.ConnectionChanges);
        Assert.DoesNotContain(again.NotMigrated, n => n.Contains("connection check", StringComparison.Ordinal));
        Assert.Equal(before.Version, (await world.ConnectionAsync()).Version);
    }

    [Fact]
    public async Task ApplyAsync_ChangedValue_UpdatesOnlyThatForeignNumber()
    {
        var world = new MigrationWorld();
        await world.ApplyAsync(Export(CleanRows));

        var report = await world.ApplyAsync(Export(CleanRows.Replace("2002", "2999", StringComparison.Ordinal)));

        Assert.Equal(0, report.ForeignNumbersCreated);
        Assert.Equal(1, report.ForeignNumbersUpdated);
        Assert.Equal(3, report.ForeignNumbersUnchanged);
        Assert.Contains("M-100-L;shopifyvariantid;2999", await world.ListForeignNumbersAsync());
    }

    [Fact]
    public async Task ApplyAsync_ProductiveTarget_IsRefusedAndWritesNothing()
    {
        var world = new MigrationWorld();
        await world.Connections.TryCreateAsync(
            new Connection { Id = Target, ConnectorId = ConnectorId.Shopify, Name = "live", CreatedAt = world.Clock.GetCurrentInstant(), IsProductive = true },
            [],
            CancellationToken.None);

        var report = await world.ApplyAsync(Export(CleanRows));

        Assert.Contains(report.Refusals, r => r.Contains("is productive", StringComparison.Ordinal));
        Assert.Empty(await world.ListForeignNumbersAsync());
        Assert.Null(await world.Secrets.GetAsync(Target, LifecycleFixtures.AccessToken, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_TargetOfAnotherConnector_IsRefused()
    {
        var world = new MigrationWorld();
        await world.ApplyAsync(Export("4711;SKU;W-1\n", ConnectorId.WooCommerce));

        var report = await world.DryRunAsync(Export(CleanRows));

        Assert.Contains(report.Refusals, r => r.Contains("exists with connector 'woocommerce'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRunAsync_UnknownSettingKey_IsRefusedNamingTheKey()
    {
        var world = new MigrationWorld();
        var settings = new ClassicSettings { Settings = new Dictionary<string, string> { ["shopifyApiKey"] = "x" } };

        var report = await world.DryRunAsync(Export(CleanRows, settings: settings));

        Assert.Contains(report.Refusals, r => r.Contains("shopifyApiKey", StringComparison.Ordinal));
        Assert.StartsWith($"dry run of {Target}: refused", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithCredentials_NeverShowsTheSecret()
    {
        var world = new MigrationWorld();
        var export = Export(CleanRows);

        var dryRun = await world.DryRunAsync(export);
        var applied = await world.ApplyAsync(export);

        Assert.Contains($"set secret {LifecycleFixtures.AccessToken}", dryRun.ConnectionChanges);
        foreach (var text in new[] { dryRun.Describe(), applied.Describe(), dryRun.ToString(), export.ToString(), export.Settings.ToString() })
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DryRunAsync_ArticlesWithoutStockSync_AreReportedAsNotMigrated()
    {
        var world = new MigrationWorld();
        var settings = new ClassicSettings { StockSync = true, ArticlesWithoutStockSync = new HashSet<string> { ForeignNumberWorld.OtherSimple } };

        var report = await world.DryRunAsync(Export(CleanRows, settings: settings));

        Assert.Contains(report.NotMigrated, n => n.Contains($"stock-sync switch of 1 article(s) ({ForeignNumberWorld.OtherSimple})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_ExportSavedAsWindows1252_ReadsTheUmlautsOfTheClassicFile()
    {
        var world = new MigrationWorld();
        world.Catalog.Add(new Article("WC-GRÜN-TASSE", "Tasse grün", ArticleKind.Simple));
        var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes($"{Header}\r\nWC-GRÜN-TASSE;shopifyproductid;5001\r\n");

        var report = await world.ApplyAsync(new ClassicExport(Target, ConnectorId.Shopify, "Shop DE", MigrationWorld.Settings, ansi));

        Assert.Empty(report.Conflicts);
        Assert.Equal(["WC-GRÜN-TASSE;shopifyproductid;5001"], await world.ListForeignNumbersAsync());
    }

    [Fact]
    public async Task ApplyAsync_AfterDryRun_WritesWhatTheDryRunReported()
    {
        var world = new MigrationWorld();
        var export = Export(CleanRows + "4711;shopifyvariantid;9\n");

        var dryRun = await world.DryRunAsync(export);
        var applied = await world.ApplyAsync(export);

        Assert.Equal(dryRun.ForeignNumbersCreated, applied.ForeignNumbersCreated);
        Assert.Equal(dryRun.Conflicts, applied.Conflicts);
        Assert.Equal(dryRun.ForeignNumbersCreated, (await world.ListForeignNumbersAsync()).Count);
        Assert.Equal(ForeignNumberIssueKind.LabelNotForArticleKind, Assert.Single(applied.Conflicts).Kind);
    }
}
