using System.Globalization;
using System.Text;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Migration;
using Connect.Sdk.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Storage.Sqlite.Tests.Migration;

/// <summary>
/// Issue 16's proof: a generated classic export of 10,000 rows with deliberate conflicts, migrated through the public
/// API onto the SQLite store as an ERP registers it.
/// </summary>
public sealed class ClassicMigrationSqliteTests : IDisposable
{
    private const int RowCount = 10_000;
    private const string Token = "shpat_CLASSIC-0123456789";
    private static readonly ConnectionId Target = new("shopify-migrated");

    // Row index → the conflicting row that replaces the generated one; the CSV line is the index + 2.
    private static readonly Dictionary<int, (string Row, ForeignNumberIssueKind Kind, string? Field)> Conflicts = new()
    {
        [1000] = ($"A-01000;shopifyproductid;{ProductId(1)}", ForeignNumberIssueKind.DuplicateForeignNumber, "foreign_number"),
        [2000] = ("A-02000;SKU_FBA;B00-2000", ForeignNumberIssueKind.UnknownLabel, "label"),
        [3000] = ("A-03000;shopifyvariantid;3000", ForeignNumberIssueKind.LabelNotForArticleKind, "label"),
        [4000] = ($"V-03999;shopifyvariantid;{VariantId(3999)}", ForeignNumberIssueKind.DuplicateLabelForArticle, "label"),
        [5000] = ("A-05000;shopifyproductid", ForeignNumberIssueKind.MalformedLine, null),
        [6000] = ("A-06000;shopifyproductid;999", ForeignNumberIssueKind.DuplicateForeignNumber, "foreign_number"),
    };

    // Generated rows refused with a conflicting row above: row 1 shares its product id with row 1000, and which
    // article the id belongs to cannot be known, so neither is migrated.
    private static readonly Dictionary<int, (ForeignNumberIssueKind Kind, string? Field)> RefusedAlongside = new()
    {
        [1] = (ForeignNumberIssueKind.DuplicateForeignNumber, "foreign_number"),
    };

    private static readonly int Refused = Conflicts.Count + RefusedAlongside.Count;

    private readonly SqliteTestFiles _files = new();
    private readonly ServiceProvider _provider;

    public ClassicMigrationSqliteTests()
    {
        var catalog = new InMemoryArticleCatalog().Add(new Article("P", "T-shirt", ArticleKind.MatrixParent), new Article("X-1", "Mapped before", ArticleKind.Simple));
        catalog.Add(Enumerable.Range(0, RowCount).Select(i => IsVariant(i)
            ? new Article(Variant(i), $"T-shirt {i}", ArticleKind.Variant, "P")
            : new Article(Simple(i), $"Mug {i}", ArticleKind.Simple)));
        var services = new ServiceCollection();
        services.AddConnectSdk().AddConnector(new ClassicShopConnector()).UseArticleCatalog(catalog).UseSqlite(_files.DefaultPath);
        _provider = services.BuildServiceProvider();
    }

    private ClassicConnectionMigration Migration => _provider.GetRequiredService<ClassicConnectionMigration>();

    [Fact]
    public async Task ClassicExportOf10000Rows_DryRunApplyAndApplyAgain_ReportsEachConflictWritesTheCleanRowsThenNothing()
    {
        await _provider.GetRequiredService<IForeignNumberStore>().UpsertAsync(
            [new ForeignNumberMapping(Target, "X-1", new ForeignNumber(ForeignNumberLabel.ShopifyProductId, "999"))], CancellationToken.None);
        var export = Export();

        var dryRun = await Migration.DryRunAsync(export, CancellationToken.None);

        Assert.Equal(RowCount, dryRun.RowsRead);
        Assert.Equal(RowCount - Refused, dryRun.ForeignNumbersCreated);
        Assert.Equal(
            Conflicts.Select(c => (c.Key, c.Value.Kind, c.Value.Field)).Concat(RefusedAlongside.Select(c => (c.Key, c.Value.Kind, c.Value.Field)))
                .OrderBy(c => c.Key).Select(c => ((int?)(c.Key + 2), c.Kind, c.Field)),
            dryRun.Conflicts.Select(c => (c.LineNumber, c.Kind, c.Field)));
        Assert.Equal(1, await CountAsync());

        var applied = await Migration.ApplyAsync(export, new Actor("migrator"), CancellationToken.None);

        Assert.Equal(dryRun.Conflicts, applied.Conflicts);
        Assert.Equal(RowCount - Refused + 1, await CountAsync());
        var connection = await _provider.GetRequiredService<IConnectionStore>().GetAsync(Target, CancellationToken.None);
        Assert.NotNull(connection);
        Assert.False(connection.IsProductive);
        Assert.Equal(ImportMode.Automatic, connection.ImportMode);
        Assert.Equal(FeatureMode.Test, connection.ModeOf(FeatureKind.Stock));
        Assert.DoesNotContain(Token, applied.Describe(), StringComparison.Ordinal);

        var again = await Migration.ApplyAsync(export, new Actor("migrator"), CancellationToken.None);

        Assert.True(again.IsNothingToDo, again.Describe());
        Assert.Equal(RowCount - Refused, again.ForeignNumbersUnchanged);
        Assert.Equal(connection.Version, (await _provider.GetRequiredService<IConnectionStore>().GetAsync(Target, CancellationToken.None))?.Version);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _files.Dispose();
    }

    private static ClassicExport Export()
    {
        var csv = new StringBuilder("Artikelnummer;Bezeichnung;Fremdnummer\r\n");
        for (var i = 0; i < RowCount; i++)
        {
            csv.Append(Conflicts.TryGetValue(i, out var conflict) ? conflict.Row : Row(i)).Append("\r\n");
        }

        var settings = new ClassicSettings
        {
            ImportMode = ImportMode.Automatic,
            StockSync = true,
            Settings = new Dictionary<string, string> { [ClassicShopConnector.ShopUrl] = "classic.myshopify.com" },
            Credentials = new Dictionary<string, SecretValue> { [ClassicShopConnector.AccessToken] = new(Token) },
        };
        return new ClassicExport(Target, ConnectorId.Shopify, "Shopify (migrated)", settings, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray());
    }

    private static string Row(int i) => IsVariant(i) ? $"{Variant(i)};shopifyvariantid;{VariantId(i)}" : $"{Simple(i)};shopifyproductid;{ProductId(i)}";

    private static bool IsVariant(int i) => i % 10 >= 8;

    private static string Simple(int i) => string.Create(CultureInfo.InvariantCulture, $"A-{i:D5}");

    private static string Variant(int i) => string.Create(CultureInfo.InvariantCulture, $"V-{i:D5}");

    private static string ProductId(int i) => (7_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);

    private static string VariantId(int i) => (40_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);

    private async Task<int> CountAsync()
    {
        var count = 0;
        await foreach (var _ in _provider.GetRequiredService<IForeignNumberStore>().ListAsync(Target, CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
