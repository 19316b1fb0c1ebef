using System.Text;
using BenchmarkDotNet.Attributes;
using Connect.Sdk;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// Importing a large foreign-number CSV (a typical first import of a whole catalogue) into an empty
/// connection: parsing, validation against the catalogue and the store, and the one atomic write.
/// </summary>
[MemoryDiagnoser]
public class ForeignNumberCsvImportBenchmarks
{
    private static readonly ConnectionId Connection = new("shopify-de");

    private string _csv = string.Empty;
    private InMemoryArticleCatalog _catalog = new();

    [Params(1_000, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringBuilder(ForeignNumberImporter.CsvHeader).Append('\n');
        var articles = new List<Article>(Rows);
        for (var i = 0; i < Rows; i++)
        {
            var number = $"A{i:D6}";
            articles.Add(new Article(number, "Article " + i, ArticleKind.Simple));
            csv.Append(number).Append(";shopifyproductid;").Append(9_000_000_000_000_000L + i).Append('\n');
        }

        _catalog = new InMemoryArticleCatalog().Add(articles);
        _csv = csv.ToString();
    }

    [Benchmark]
    public async Task<int> ImportIntoEmptyConnection()
    {
        var importer = new ForeignNumberImporter(
            ForeignNumberRules.Default, new InMemoryForeignNumberStore(), _catalog, new SyncJournal(new InMemoryJournalStore(), SystemClock.Instance), new InMemoryConnectionStore());
        var report = await importer.ImportCsvAsync(Connection, ConnectorId.Shopify, new StringReader(_csv), CancellationToken.None);
        return report.Imported;
    }
}
