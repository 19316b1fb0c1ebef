using System.Text;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Tests.ForeignNumbers;

/// <summary>An ERP with a few articles of every kind, a store, and the SDK's foreign-number services over them.</summary>
internal sealed class ForeignNumberWorld
{
    public const string Simple = "4711";
    public const string OtherSimple = "4712";
    public const string Parent = "M-100";
    public const string VariantS = "M-100-S";
    public const string VariantL = "M-100-L";

    public ForeignNumberWorld(ForeignNumberRules? rules = null, IForeignNumberStore? store = null)
    {
        Rules = rules ?? ForeignNumberRules.Default;
        Store = store ?? new InMemoryForeignNumberStore();
        Catalog = new InMemoryArticleCatalog().Add(
            new Article(Simple, "Mug", ArticleKind.Simple),
            new Article(OtherSimple, "Plate", ArticleKind.Simple),
            new Article(Parent, "T-shirt", ArticleKind.MatrixParent),
            new Article(VariantS, "T-shirt S", ArticleKind.Variant, Parent),
            new Article(VariantL, "T-shirt L", ArticleKind.Variant, Parent));
        Journal = new SyncJournal(new InMemoryJournalStore(), new FakeClock(Instant.FromUtc(2026, 11, 23, 8, 0)));
        Importer = new ForeignNumberImporter(Rules, Store, Catalog, Journal, new InMemoryConnectionStore());
        Exporter = new ForeignNumberExporter(Store);
        Resolver = new ForeignNumberResolver(Rules, Store, Catalog);
    }

    public ForeignNumberRules Rules { get; }

    public IForeignNumberStore Store { get; }

    public InMemoryArticleCatalog Catalog { get; }

    public SyncJournal Journal { get; }

    public ForeignNumberImporter Importer { get; }

    public ForeignNumberExporter Exporter { get; }

    public ForeignNumberResolver Resolver { get; }

    public static ConnectionId ConnectionOf(ConnectorId connector) => new($"{connector}-de");

    public static string ArticleOf(ArticleKind kind) => kind switch
    {
        ArticleKind.Variant => VariantS,
        ArticleKind.MatrixParent => Parent,
        _ => Simple,
    };

    public ValueTask<ForeignNumberImportReport> ImportCsvAsync(ConnectorId connector, string csv) =>
        Importer.ImportCsvAsync(ConnectionOf(connector), connector, new StringReader(csv), CancellationToken.None);

    public ValueTask<ForeignNumberImportReport> ImportAsync(ConnectorId connector, params ForeignNumberRow[] rows) =>
        Importer.ImportAsync(ConnectionOf(connector), connector, rows, CancellationToken.None);

    public async Task<string> ExportCsvAsync(ConnectorId connector)
    {
        var text = new StringWriter(new StringBuilder());
        await Exporter.ExportCsvAsync(ConnectionOf(connector), text, CancellationToken.None);
        return text.ToString();
    }

    public async Task<List<ForeignNumberMapping>> ListAsync(ConnectorId connector)
    {
        var list = new List<ForeignNumberMapping>();
        await foreach (var mapping in Store.ListAsync(ConnectionOf(connector), CancellationToken.None))
        {
            list.Add(mapping);
        }

        return list;
    }
}
