using System.Text;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Migration;
using Connect.Sdk.Settings;
using Connect.Sdk.Tests.ForeignNumbers;
using Connect.Sdk.Tests.Lifecycle;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Tests.Migration;

/// <summary>An ERP with a few articles, in-memory stores, one fake connector per connector id and the migration over them.</summary>
internal sealed class MigrationWorld
{
    public const string Token = "shpat_CLASSIC-SECRET-42";
    public const string Header = "Artikelnummer;Bezeichnung;Fremdnummer";

    public static readonly ConnectorId Partner = new("zalando");
    public static readonly ConnectionId Target = new("shop-migrated");
    public static readonly Actor Migrator = new("migrator");

    public MigrationWorld(IForeignNumberStore? foreignNumbers = null, ISecretStore? secrets = null, IJournalStore? journal = null, IConnectionStore? connections = null)
    {
        Connections = connections ?? new InMemoryConnectionStore();
        ForeignNumbers = foreignNumbers ?? new InMemoryForeignNumberStore();
        Secrets = secrets ?? new InMemorySecretStore();
        Journal = journal ?? new InMemoryJournalStore();
        Rules = ForeignNumberRules.Default.With(
            new ForeignNumberRule(Partner, ForeignNumberTarget.Article, new ForeignNumberLabel("zalandoconfigsku"), "Zalando config SKU"),
            new ForeignNumberRule(Partner, ForeignNumberTarget.Variant, new ForeignNumberLabel("zalandosimplesku"), "Zalando simple SKU"));
        // The ERP of the foreign-number tests: 4711 and 4712 simple, M-100 a matrix parent with variants M-100-S and M-100-L.
        Catalog = new ForeignNumberWorld(Rules, ForeignNumbers).Catalog;
        var connectors = new ConnectorRegistry(
            new[] { ConnectorId.Shopify, ConnectorId.WooCommerce, ConnectorId.Amazon, ConnectorId.Ebay, Partner }
                .Select(id => new FakeConnector(new ConnectorDescriptor(id, $"Fake {id}", ChannelKind.Shop, LifecycleFixtures.Descriptor.SupportedFeatures, LifecycleFixtures.Schema))));
        Lifecycle = new ConnectionLifecycle(Connections, connectors, Secrets, Clock, NullLogger<ConnectionLifecycle>.Instance);
        var importer = new ForeignNumberImporter(Rules, ForeignNumbers, Catalog, new SyncJournal(Journal, Clock), Connections);
        Migration = new ClassicConnectionMigration(Lifecycle, Connections, connectors, Secrets, ForeignNumbers, importer, Rules, Clock);
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 12, 1, 9, 0));

    public IConnectionStore Connections { get; }

    public ISecretStore Secrets { get; }

    public IForeignNumberStore ForeignNumbers { get; }

    public IJournalStore Journal { get; }

    public InMemoryArticleCatalog Catalog { get; }

    public ForeignNumberRules Rules { get; }

    public ClassicConnectionMigration Migration { get; }

    /// <summary>The lifecycle the migration uses, for changes a user makes between runs.</summary>
    public ConnectionLifecycle Lifecycle { get; }

    public static ClassicSettings Settings { get; } = new()
    {
        ImportMode = ImportMode.Automatic,
        TrackingFeedback = true,
        StockSync = true,
        Settings = new Dictionary<string, string> { [LifecycleFixtures.ShopUrl] = "classic.myshopify.com" },
        Credentials = new Dictionary<string, SecretValue> { [LifecycleFixtures.AccessToken] = new(Token) },
    };

    public static ClassicExport Export(string csvBody, ConnectorId? connector = null, ClassicSettings? settings = null) =>
        new(Target, connector ?? ConnectorId.Shopify, "Shop DE (migrated)", settings ?? Settings, Encoding.UTF8.GetBytes($"{Header}\n{csvBody}"));

    public Task<MigrationReport> DryRunAsync(ClassicExport export) => Migration.DryRunAsync(export, CancellationToken.None);

    public Task<MigrationReport> ApplyAsync(ClassicExport export) => Migration.ApplyAsync(export, Migrator, CancellationToken.None);

    public async Task<List<string>> ListForeignNumbersAsync()
    {
        var list = new List<string>();
        await foreach (var mapping in ForeignNumbers.ListAsync(Target, CancellationToken.None))
        {
            list.Add($"{mapping.ArticleNumber};{mapping.ForeignNumber.Label};{mapping.ForeignNumber.Value}");
        }

        return list;
    }

    public async Task<List<string>> ListJournalKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var entry in Journal.ListAsync(Target, CancellationToken.None))
        {
            keys.Add($"{entry.Key.Kind} {entry.Key.RecordKey}");
        }

        return keys;
    }

    public async Task<Connection> ConnectionAsync() => await Connections.GetAsync(Target, CancellationToken.None) ?? throw new InvalidOperationException("no connection");
}
