using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Testing.Hosting;

/// <summary>
/// The SDK wired in memory for a test author's integration tests: in-memory stores, a <see cref="FakeClock"/> and a
/// <see cref="TimeProvider"/> that match (<see cref="Time"/>), an in-memory article catalog and stock source (the ERP's
/// side), and an order sink and alert sink that record what they receive. One call wires it; the test adds its
/// connectors and foreign-number rules.
/// </summary>
/// <remarks>
/// The engine reads <see cref="Clock"/>; the connectors' HTTP clients (<c>Connect.Sdk.Http</c>: retries, pacing,
/// timeouts) wait on <see cref="Time"/>, registered with <see cref="FakeTimeServiceCollectionExtensions.UseFakeTime"/>.
/// While the host runs work (<see cref="RunDueAsync"/>, <see cref="RunForAsync"/>,
/// <see cref="CreateProductiveConnectionAsync"/>) it drives <see cref="Time"/> in the background, so a paced or retried
/// request takes fake time, not real time, and afterwards moves the clock on by the fake time the work took.
/// </remarks>
/// <example>
/// <code>
/// await using var host = ConnectTestHost.Create(sdk =&gt; sdk
///     .AddConnector(new MyConnector())
///     .ConfigureForeignNumberRules(rules =&gt; rules.With(MyConnector.Rule)));
/// var connection = await host.CreateProductiveConnectionAsync(MyConnector.Id, settings);
/// await host.AddArticleAsync(connection, new Article("A-1", "Mug", ArticleKind.Simple), new ForeignNumber(MyConnector.Label, "SKU-1"), onHand: 7);
/// await host.RunDueAsync();
/// </code>
/// </example>
public sealed class ConnectTestHost : IAsyncDisposable
{
    /// <summary>How many rounds <see cref="RunDueAsync"/> runs at one instant before it gives up on work that keeps becoming due.</summary>
    public const int MaxRoundsPerInstant = 20;

    private readonly ServiceProvider _provider;

    private ConnectTestHost(Action<ConnectSdkBuilder> configure, Action<ConnectSdkOptions>? options, WaitAwareFakeTime? time)
    {
        Time = time ?? new WaitAwareFakeTime(Start.ToDateTimeOffset());
        Clock = new FakeClock(Instant.FromDateTimeOffset(Time.GetUtcNow()));
        var services = new ServiceCollection();

        // First, so that a test that registers its own TimeProvider in configure keeps it.
        services.UseFakeTime(Time);
        var builder = services.AddConnectSdk(options)
            .UseClock(Clock)
            .UseArticleCatalog(Articles)
            .UseStockSource(Stock)
            .UsePriceSource(Prices)
            .UseOrderSink(Orders)
            .UseAlertSink(Alerts)
            .UseInMemoryStores();
        configure(builder);
        _provider = services.BuildServiceProvider();
    }

    /// <summary>The instant the <see cref="Clock"/> starts at: 23 November 2026, 08:00 UTC.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 11, 23, 8, 0);

    /// <summary>The user the host's conveniences act as in the lifecycle's history.</summary>
    public static Actor User { get; } = new("test-host");

    /// <summary>The fake clock every part of the SDK reads; advance it instead of sleeping.</summary>
    public FakeClock Clock { get; }

    /// <summary>
    /// The fake time the connectors' HTTP clients wait on, the registered <see cref="TimeProvider"/>. It follows
    /// <see cref="Clock"/> when the host runs work; to call a connector directly on it, drive it yourself with
    /// <see cref="WaitAwareFakeTime.DriveInBackground"/>. A fake marketplace's delays belong on its
    /// <see cref="WaitAwareFakeTime.ServerTime"/>.
    /// </summary>
    public WaitAwareFakeTime Time { get; }

    /// <summary>The ERP's articles.</summary>
    public InMemoryArticleCatalog Articles { get; } = new();

    /// <summary>The ERP's stock levels.</summary>
    public InMemoryStockSource Stock { get; } = new();

    /// <summary>The ERP's prices, by price list.</summary>
    public InMemoryPriceSource Prices { get; } = new();

    /// <summary>The ERP's order intake: every order the SDK handed over, once per order.</summary>
    public InMemoryOrderSink Orders { get; } = new();

    /// <summary>The alerts the SDK delivered.</summary>
    public InMemoryAlertSink Alerts { get; } = new();

    /// <summary>The SDK's services, for anything the conveniences do not cover.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The sync engine: what is due, and running it.</summary>
    public SyncEngine Engine => Get<SyncEngine>();

    /// <summary>The journal.</summary>
    public SyncJournal Journal => Get<SyncJournal>();

    /// <summary>The connection lifecycle: settings, check, feature modes, productive mode.</summary>
    public ConnectionLifecycle Lifecycle => Get<ConnectionLifecycle>();

    /// <summary>Stock sync as the ERP drives it (stock changed, sync selected articles).</summary>
    public StockSync StockSync => Get<StockSync>();

    /// <summary>Price sync as the ERP drives it (prices changed, sync selected articles, the connection's price rules).</summary>
    public PriceSync PriceSync => Get<PriceSync>();

    /// <summary>Order import by number and retry.</summary>
    public OrderImport OrderImport => Get<OrderImport>();

    /// <summary>Status and tracking export (the ERP reports order changes here).</summary>
    public OrderStatusExport StatusExport => Get<OrderStatusExport>();

    /// <summary>Wires the SDK in memory.</summary>
    /// <param name="configure">Adds connectors and foreign-number rules, e.g. <c>sdk =&gt; sdk.AddConnector(connector)</c>.</param>
    /// <param name="options">Changes the SDK-wide options (intervals, lookback), if needed.</param>
    /// <param name="time">
    /// The fake time to run on, when the test shares it with services of its own (a connector built outside the host);
    /// the clock starts at its current moment. A new one at <see cref="Start"/> by default.
    /// </param>
    /// <returns>The host; dispose it at the end of the test.</returns>
    public static ConnectTestHost Create(Action<ConnectSdkBuilder> configure, Action<ConnectSdkOptions>? options = null, WaitAwareFakeTime? time = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return new ConnectTestHost(configure, options, time);
    }

    /// <summary>Resolves an SDK service.</summary>
    /// <typeparam name="T">The service.</typeparam>
    /// <returns>The service.</returns>
    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>
    /// Creates a connection and walks it to productive mode: settings and secrets saved, connection check passed,
    /// the features in integration mode, import mode Automatic, productive mode on.
    /// </summary>
    /// <param name="connector">The connector the connection uses; it must be registered.</param>
    /// <param name="settings">The connection's settings and secrets.</param>
    /// <param name="id">The connection id.</param>
    /// <param name="features">The features to put into integration mode; every feature the connector supports when empty.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="InvalidOperationException">A step was refused or the check failed; the message says which and why.</exception>
    public Task<ConnectionId> CreateProductiveConnectionAsync(ConnectorId connector, SettingsUpdate settings, string id = "connection-1", params FeatureKind[] features)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return OnFakeTimeAsync(() => WalkToProductiveAsync(connector, settings, id, features));
    }

    /// <summary>
    /// Creates a connection in the test phase, as a user starts one: settings saved, the connection check passed, the
    /// features in Test mode, import mode Automatic and productive mode off, so that only manual runs of the restricted
    /// article mapping write to the marketplace.
    /// </summary>
    /// <param name="connector">The connector.</param>
    /// <param name="settings">The connection's settings and secrets.</param>
    /// <param name="id">The connection id.</param>
    /// <param name="features">The features to put into Test mode; every feature the connector supports when empty.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="InvalidOperationException">A step was refused or the check failed; the message says which and why.</exception>
    public Task<ConnectionId> CreateTestPhaseConnectionAsync(ConnectorId connector, SettingsUpdate settings, string id = "connection-1", params FeatureKind[] features)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return OnFakeTimeAsync(async () =>
        {
            var connection = await WalkToCheckedAsync(connector, settings, id, features, FeatureMode.Test).ConfigureAwait(false);
            await Step("import mode Automatic", Lifecycle.SetImportModeAsync(connection, ImportMode.Automatic, User, CancellationToken.None)).ConfigureAwait(false);
            return connection;
        });
    }

    private async Task<ConnectionId> WalkToProductiveAsync(ConnectorId connector, SettingsUpdate settings, string id, FeatureKind[] features)
    {
        var connection = await WalkToCheckedAsync(connector, settings, id, features, FeatureMode.Integration).ConfigureAwait(false);
        await Step("import mode Automatic", Lifecycle.SetImportModeAsync(connection, ImportMode.Automatic, User, CancellationToken.None)).ConfigureAwait(false);
        await Step("productive mode on", Lifecycle.SetProductiveModeAsync(connection, true, User, CancellationToken.None)).ConfigureAwait(false);
        return connection;
    }

    private async Task<ConnectionId> WalkToCheckedAsync(ConnectorId connector, SettingsUpdate settings, string id, FeatureKind[] features, FeatureMode mode)
    {
        var connection = new ConnectionId(id);
        if (features.Length == 0)
        {
            features = Get<ConnectorRegistry>().Get(connector).Descriptor.SupportedFeatures.ToArray();
        }

        await Step("create", Lifecycle.CreateAsync(connection, connector, id, User, CancellationToken.None)).ConfigureAwait(false);
        await Step("save settings", Lifecycle.UpdateSettingsAsync(connection, settings, User, CancellationToken.None)).ConfigureAwait(false);
        var checkedConnection = await Step("connection check", Lifecycle.RunConnectionCheckAsync(connection, User, CancellationToken.None)).ConfigureAwait(false);
        if (!checkedConnection.Check.Passed)
        {
            throw new InvalidOperationException($"The connection check of {connection} failed: {checkedConnection.Check.Message}");
        }

        foreach (var feature in features)
        {
            await Step($"{feature} to {mode.ToString().ToLowerInvariant()} mode", Lifecycle.SetFeatureModeAsync(connection, feature, mode, User, CancellationToken.None)).ConfigureAwait(false);
        }

        return connection;
    }

    /// <summary>
    /// Adds an article to the ERP with stock sync on, sets its stock, and gives it a foreign number on the connection.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="article">The article; stock sync is switched on for it.</param>
    /// <param name="foreignNumber">Its identifier on the connection's marketplace.</param>
    /// <param name="onHand">The ERP's quantity on hand.</param>
    /// <returns>A task that completes when the article is mapped.</returns>
    /// <exception cref="InvalidOperationException">The foreign number was rejected; the message names the issue.</exception>
    public async Task AddArticleAsync(ConnectionId connection, Article article, ForeignNumber foreignNumber, decimal onHand = 0)
    {
        ArgumentNullException.ThrowIfNull(article);
        Articles.Add(article with { StockSyncEnabled = true });
        Stock.Set(article.Number, onHand);
        var state = await Get<IConnectionStore>().GetAsync(connection, CancellationToken.None).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Connection {connection} does not exist.");
        var report = await Get<ForeignNumberImporter>().ImportAsync(
            connection,
            state.ConnectorId,
            [new ForeignNumberRow(article.Number, foreignNumber.Label.Value, foreignNumber.Value)],
            CancellationToken.None).ConfigureAwait(false);
        if (!report.IsComplete)
        {
            throw new InvalidOperationException($"The foreign number {foreignNumber} of article {article.Number} was rejected: {string.Join("; ", report.Issues)}");
        }
    }

    /// <summary>
    /// Runs everything due now, round after round, until nothing is due at the current instant (work a run requests
    /// at once runs too). The clock does not move.
    /// </summary>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>Every run's result, in order.</returns>
    public Task<IReadOnlyList<WorkRunResult>> RunDueAsync(CancellationToken cancellationToken = default) =>
        OnFakeTimeAsync(() => RunRoundsAsync(cancellationToken));

    private async Task<IReadOnlyList<WorkRunResult>> RunRoundsAsync(CancellationToken cancellationToken)
    {
        var results = new List<WorkRunResult>();
        for (var round = 0; round < MaxRoundsPerInstant; round++)
        {
            var ran = await Engine.RunDueAsync(cancellationToken).ConfigureAwait(false);
            if (ran.Count == 0)
            {
                break;
            }

            results.AddRange(ran);
        }

        return results;
    }

    /// <summary>
    /// Lets fake time pass: moves the clock from due time to due time up to <paramref name="span"/> ahead, running
    /// everything due at each (scheduled imports, retries after failed runs), and ends with the clock at the end of the
    /// span — or later, when the last runs' requests waited (paced, retried) beyond it on <see cref="Time"/>.
    /// </summary>
    /// <param name="span">How much fake time passes.</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>Every run's result, in order.</returns>
    public async Task<IReadOnlyList<WorkRunResult>> RunForAsync(Duration span, CancellationToken cancellationToken = default)
    {
        var end = Clock.GetCurrentInstant() + span;
        var results = new List<WorkRunResult>(await RunDueAsync(cancellationToken).ConfigureAwait(false));
        while (true)
        {
            var plan = await Engine.GetDueWorkAsync(cancellationToken).ConfigureAwait(false);
            if (plan.NextDueAt is not { } next || next > end)
            {
                break;
            }

            // Runs whose requests waited may have moved the clock past what was due meanwhile: that runs at once.
            Clock.Reset(Max(next, Clock.GetCurrentInstant()));
            results.AddRange(await RunDueAsync(cancellationToken).ConfigureAwait(false));
        }

        Clock.Reset(Max(end, Clock.GetCurrentInstant()));
        results.AddRange(await RunDueAsync(cancellationToken).ConfigureAwait(false));
        return results;
    }

    /// <summary>Reads every journal entry of a connection and record kind (all pages), in the journal's order.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The journal tab.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The entries.</returns>
    public async Task<IReadOnlyList<JournalEntry>> JournalEntriesAsync(ConnectionId connection, RecordKind kind, CancellationToken cancellationToken = default)
    {
        const int PageSize = 200;
        var entries = new List<JournalEntry>();
        for (var page = 0; ; page++)
        {
            var read = await Journal.QueryAsync(new JournalQuery(connection, kind), page, PageSize, cancellationToken).ConfigureAwait(false);
            entries.AddRange(read.Entries);
            if (read.Entries.Count < PageSize || entries.Count >= read.TotalCount)
            {
                return entries;
            }
        }
    }

    /// <summary>Builds the context the SDK passes to a connector for a connection, to call a connector directly.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The context.</returns>
    /// <exception cref="InvalidOperationException">The connection does not exist.</exception>
    public async Task<ConnectionContext> ContextOfAsync(ConnectionId connection, CancellationToken cancellationToken = default)
    {
        var state = await Get<IConnectionStore>().GetAsync(connection, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Connection {connection} does not exist.");
        return new ConnectionContext(connection, state.ConnectorId, state.Settings, Get<ISecretStore>());
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    // Time catches up with the clock (a test may have advanced it), is driven while the work runs, and the clock then
    // catches up with the fake time the work's requests took.
    private async Task<T> OnFakeTimeAsync<T>(Func<Task<T>> work)
    {
        var clock = Clock.GetCurrentInstant().ToDateTimeOffset();
        if (clock > Time.GetUtcNow())
        {
            Time.SetUtcNow(clock);
        }

        T result;
        await using (Time.DriveInBackground())
        {
            result = await work().ConfigureAwait(false);
        }

        var time = Instant.FromDateTimeOffset(Time.GetUtcNow());
        if (time > Clock.GetCurrentInstant())
        {
            Clock.Reset(time);
        }

        return result;
    }

    private static async Task<Connection> Step(string what, Task<LifecycleResult> step)
    {
        var result = await step.ConfigureAwait(false);
        if (!result.Succeeded || result.Connection is null)
        {
            throw new InvalidOperationException($"Walking the connection to productive mode failed at '{what}': {result}");
        }

        return result.Connection;
    }
}
