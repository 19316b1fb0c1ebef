using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
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
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// The connector conformance kit's checks, free of any test framework: supply the connector, its fake marketplace and
/// the settings of a connection pointed at the fake, and each check runs against the SDK wired in memory
/// (<see cref="ConnectTestHost"/>). Each check fails with a <see cref="ConformanceException"/> whose message says what
/// the connector did wrong ("stock for SKU-1 on the fake is 3, expected 7"). Derive from a shell that makes each check a
/// test: <see cref="ConnectorConformanceTests"/> for xUnit v2, <c>Connect.Sdk.Testing.XunitV3.ConnectorConformanceTests</c>
/// for xUnit v3.
/// </summary>
/// <remarks>
/// A fresh fake, connector and host are made for every check (<see cref="InitializeAsync"/>, <see cref="DisposeAsync"/>).
/// The checks are public methods, so a connector's own tests can also call one directly. A check of a feature the connector's descriptor does
/// not declare (say, status export on a marketplace without shipments) does not apply and passes without running.
/// <para>
/// A connector built from dependency injection (every connector on <c>Connect.Sdk.Http</c>) is registered in
/// <see cref="ConfigureServices"/>; the kit builds the provider with its log and its fake <see cref="Time"/>, and takes
/// the one <see cref="IConnector"/> registered (or what <see cref="CreateConnector(IServiceProvider)"/> returns).
/// Everything runs on <see cref="Time"/>, driven while the kit works: pacing and retry waits take no real time.
/// </para>
/// <para>
/// The kit's rules for a fake: the line ids of the orders it seeds are digits (<c>100101</c>), and the fake keeps
/// each seeded line id, so the ERP's lines and the shipments refer to the lines the kit seeded.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract partial class ConnectorConformanceKit : IAsyncDisposable
{
    private readonly CapturedLog _log;
    private IMarketplaceFake? _fake;
    private IConnector? _connector;
    private ObservedConnector? _observed;
    private ConnectTestHost? _host;
    private ServiceProvider? _services;

    // Whether the connector came from the services, which dispose it themselves.
    private bool _connectorFromServices;

    /// <summary>Creates the kit; each check gets its own instance, as test frameworks make one per test.</summary>
    protected ConnectorConformanceKit()
    {
        _log = new CapturedLog(OnLogLine);
    }

    /// <summary>The fake marketplace of the current check.</summary>
    /// <exception cref="InvalidOperationException">The check has not been initialised.</exception>
    protected IMarketplaceFake Fake => _fake ?? throw NotInitialised();

    /// <summary>The connector under test, as <see cref="CreateConnector(IServiceProvider)"/> made it for the current check.</summary>
    /// <exception cref="InvalidOperationException">The check has not been initialised.</exception>
    protected IConnector Connector => _connector ?? throw NotInitialised();

    /// <summary>The in-memory SDK the current check drives.</summary>
    /// <exception cref="InvalidOperationException">The check has not been initialised.</exception>
    protected ConnectTestHost Host => _host ?? throw NotInitialised();

    /// <summary>Every line the SDK and the connector logged during the current check.</summary>
    protected IReadOnlyList<string> LogLines => _log.Lines;

    /// <summary>
    /// The fake time of the current check: the <see cref="TimeProvider"/> of the connector's services and of
    /// <see cref="Host"/>, starting at <see cref="ConnectTestHost.Start"/>. Give a fake's delays
    /// <see cref="WaitAwareFakeTime.ServerTime"/> (<c>MarketplaceFakeOptions.DelayTime</c>).
    /// </summary>
    protected WaitAwareFakeTime Time { get; } = new(ConnectTestHost.Start.ToDateTimeOffset());

    /// <summary>
    /// Called with every line the SDK and the connector log during a check, as it is captured; override it to collect
    /// the lines of a whole test run (to search them for credentials across every test, say). Does nothing by default.
    /// </summary>
    /// <param name="line">The line: level, category, message, structured fields and exception.</param>
    protected virtual void OnLogLine(string line)
    {
    }

    /// <summary>The label of the connector's foreign numbers, e.g. <c>shopifyvariantid</c>.</summary>
    protected abstract ForeignNumberLabel ForeignNumberLabel { get; }

    /// <summary>
    /// The label of a variant's foreign number, for the checks that map variants of a matrix product (the price checks);
    /// <see cref="ForeignNumberLabel"/> unless the connector's rules give variants a label of their own (Shopify's
    /// <c>shopifyvariantid</c> beside <c>shopifyproductid</c>).
    /// </summary>
    protected virtual ForeignNumberLabel VariantForeignNumberLabel => ForeignNumberLabel;

    /// <summary>
    /// How many orders one page of the connector's order list holds; the pagination check seeds three pages and one
    /// order more. Override it with the page size the connector asks the marketplace for. Default 20.
    /// </summary>
    protected virtual int OrderPageSize => 20;

    /// <summary>
    /// How much fake time the recovery checks give the SDK (its scheduled runs and retries) to bring every order and
    /// stock level across after injected faults. Default 2 hours.
    /// </summary>
    protected virtual Duration RecoveryTime => Duration.FromHours(2);

    /// <summary>
    /// Order fields the marketplace cannot carry, so the field-by-field check skips them: a path such as
    /// <c>BuyerEmail</c>, <c>BillingAddress.Phone</c>, a whole address (<c>BillingAddress</c>), or a line field on every
    /// line (<c>Lines[].Discount</c>). Empty by default: every field must arrive.
    /// </summary>
    protected virtual IReadOnlyCollection<string> IgnoredOrderFields => [];

    /// <summary>
    /// Shipment fields the marketplace does not keep per tracking number, so the shipment checks skip them:
    /// <see cref="ShipmentField.Lines"/> (the lines a parcel holds) and <see cref="ShipmentField.Carrier"/>. Empty by
    /// default: each parcel's tracking number, carrier and lines must reach the fake. The order status and each tracking
    /// number, held once, are always checked.
    /// </summary>
    protected virtual IReadOnlyCollection<ShipmentField> IgnoredShipmentFields => [];

    /// <summary>Starts the connector's fake marketplace for one check; the kit disposes it afterwards.</summary>
    /// <returns>The running fake.</returns>
    protected abstract ValueTask<IMarketplaceFake> StartFakeAsync();

    /// <summary>
    /// Registers the connector and what it needs, as the connector's registration call does for a host (e.g.
    /// <c>services.AddConnectSdk().AddMyMarketplace()</c>, or the connector's own services). The kit has registered its
    /// log (<see cref="ILoggerFactory"/>, <see cref="ILogger{T}"/>) and <see cref="Time"/> as the
    /// <see cref="TimeProvider"/>, with every <c>HttpClient</c> on it. Called after <see cref="StartFakeAsync"/>, so
    /// <see cref="Fake"/> is set. Does nothing by default.
    /// </summary>
    /// <param name="services">The connector's services.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// Creates the connector under test from the services of <see cref="ConfigureServices"/>. By default the one
    /// <see cref="IConnector"/> registered there, or, when none is, <see cref="CreateConnector(ILoggerFactory)"/>.
    /// The kit disposes the services after the check, and with them the connector registered there; a connector made
    /// another way (by <see cref="CreateConnector(ILoggerFactory)"/> or an override of this) the kit disposes itself
    /// when it is <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>. An override that resolves the connector
    /// from the services itself calls this base method for it, so that the services alone dispose it.
    /// </summary>
    /// <param name="services">The built services.</param>
    /// <returns>The connector.</returns>
    protected virtual IConnector CreateConnector(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.GetServices<IConnector>().ToArray();
        _connectorFromServices = registered.Length == 1;
        return registered.Length switch
        {
            0 => CreateConnector(services.GetRequiredService<ILoggerFactory>()),
            1 => registered[0],
            _ => throw new InvalidOperationException(
                $"ConfigureServices registered {registered.Length} connectors ({string.Join(", ", registered.Select(c => c.Descriptor.Id))}); override CreateConnector(IServiceProvider) to pick the one under test."),
        };
    }

    /// <summary>
    /// Creates the connector under test by hand, for a connector that needs no dependency injection; called when
    /// <see cref="ConfigureServices"/> registers no <see cref="IConnector"/>.
    /// </summary>
    /// <param name="loggerFactory">The factory the connector should log through; the kit searches its lines for secrets.</param>
    /// <returns>The connector.</returns>
    /// <exception cref="InvalidOperationException">Neither this nor the services supply a connector.</exception>
    protected virtual IConnector CreateConnector(ILoggerFactory loggerFactory) =>
        throw new InvalidOperationException(
            "The kit has no connector: register it in ConfigureServices(IServiceCollection), or override CreateConnector(IServiceProvider) or CreateConnector(ILoggerFactory).");

    /// <summary>The settings and secrets of a connection pointed at the fake, with valid credentials.</summary>
    /// <param name="baseAddress">The fake's <see cref="IMarketplaceFake.BaseAddress"/>.</param>
    /// <returns>The settings, e.g. <c>SettingsUpdate.Empty.Set("url", …).SetSecret("token", …)</c>.</returns>
    protected abstract SettingsUpdate ConnectionSettings(Uri baseAddress);

    /// <summary>The same settings with a secret the fake rejects.</summary>
    /// <param name="baseAddress">The fake's <see cref="IMarketplaceFake.BaseAddress"/>.</param>
    /// <returns>The settings.</returns>
    protected abstract SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress);

    /// <summary>
    /// Adds the connector's foreign-number rule. By default, when the rules have none for the connector, a rule for
    /// <see cref="ForeignNumberLabel"/> on any article; override it to add the connector's real rules.
    /// </summary>
    /// <param name="rules">The SDK's rules.</param>
    /// <returns>The rules with the connector's.</returns>
    protected virtual ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var descriptor = Connector.Descriptor;
        return rules.Find(descriptor.Id) is null
            ? rules.With(new ForeignNumberRule(descriptor.Id, ForeignNumberTarget.Any, ForeignNumberLabel, $"{descriptor.DisplayName} article id"))
            : rules;
    }

    /// <summary>The foreign number of the kit's n-th article (from one); <c>SKU-n</c> by default.</summary>
    /// <param name="index">The article's index, from one.</param>
    /// <returns>The foreign number's value.</returns>
    protected virtual string ForeignNumberValue(int index) => string.Create(CultureInfo.InvariantCulture, $"SKU-{index}");

    /// <summary>
    /// Prepares one check: starts the fake, builds the connector and the in-memory SDK. When a step fails, what the
    /// earlier steps made is disposed before the failure surfaces.
    /// </summary>
    /// <returns>A task that completes when the check can run.</returns>
    public async Task InitializeAsync()
    {
        try
        {
            _fake = await StartFakeAsync().ConfigureAwait(false);
            var services = new ServiceCollection();
            AddKitServices(services);
            services.UseFakeTime(Time);
            ConfigureServices(services);
            _services = services.BuildServiceProvider();
            _connectorFromServices = false;
            _connector = CreateConnector(_services);
            _observed = new ObservedConnector(_connector);
            _host = ConnectTestHost.Create(
                sdk =>
                {
                    sdk.AddConnector(_observed).ConfigureForeignNumberRules(ConfigureForeignNumberRules);
                    AddKitServices(sdk.Services);
                },
                time: Time);
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Ends one check: disposes the in-memory SDK, the connector when the kit made it, the connector's services and the
    /// fake, each even when an earlier one fails to (the first failure surfaces). A second call does nothing.
    /// </summary>
    /// <returns>A task that completes when everything is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes what the kit made for the check, in the order of <see cref="DisposeAsync"/>.</summary>
    /// <returns>A task that completes when everything is disposed.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        // Taken before disposing, so a second call (a framework that also calls IAsyncDisposable) finds nothing left.
        var host = Interlocked.Exchange(ref _host, null);
        var connector = Interlocked.Exchange(ref _connector, null);
        var services = Interlocked.Exchange(ref _services, null);
        var fake = Interlocked.Exchange(ref _fake, null);
        try
        {
            await DisposeOfAsync(host).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                // A connector resolved from the services is theirs to dispose; one the kit made by hand is the kit's.
                await DisposeOfAsync(_connectorFromServices ? null : connector).ConfigureAwait(false);
            }
            finally
            {
                try
                {
                    await DisposeOfAsync(services).ConfigureAwait(false);
                }
                finally
                {
                    await DisposeOfAsync(fake).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Whether the fake's answer to <paramref name="request"/> refused the credentials: HTTP 401 or 403. Override it for
    /// a marketplace that refuses them otherwise (Login with Amazon answers a wrong refresh token with 400
    /// <c>invalid_grant</c>).
    /// </summary>
    /// <param name="request">A request the fake answered during the bad-secret check.</param>
    /// <returns>Whether that answer refused the credentials.</returns>
    protected virtual bool RefusesCredentials(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.StatusCode is 401 or 403;
    }

    /// <summary>The connection check passes with the settings of <see cref="ConnectionSettings"/>.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task ConnectionCheck_ValidCredentials_Passes()
    {
        var settings = ConnectionSettings(Fake.BaseAddress);
        var result = await CheckAsync(settings, "good").ConfigureAwait(false);
        if (!result.Passed)
        {
            Fail($"The connection check failed with the valid settings of ConnectionSettings(): \"{Mask(result.Message, Secrets(settings))}\". It must pass against the fake at {Fake.BaseAddress}.");
        }
    }

    /// <summary>The connection check fails, as a value with a message, when the secret is wrong.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task ConnectionCheck_BadSecret_FailsWithMessage()
    {
        var settings = ConnectionSettingsWithBadSecret(Fake.BaseAddress);
        var before = Fake.Requests.Count;
        var result = await CheckAsync(settings, "bad").ConfigureAwait(false);
        if (result.Passed)
        {
            Fail("The connection check passed with the bad secret of ConnectionSettingsWithBadSecret(): the connector does not verify the credentials against the marketplace.");
        }

        var during = Fake.Requests.Skip(before).ToList();
        if (during.Count == 0)
        {
            Fail(
                $"The connection check failed with the bad secret, but no request reached the fake at {Fake.BaseAddress}: \"{Mask(result.Message, Secrets(settings))}\". " +
                "The check must ask the marketplace to verify the credentials; a failure before any request (a setting it cannot read, an address it cannot reach) proves nothing about the secret.");
        }

        if (!during.Any(RefusesCredentials))
        {
            var answers = string.Join(", ", during.Select(r => $"{r.Operation} {r.StatusCode}"));
            Fail(
                $"The connection check failed with the bad secret, but the fake refused none of its requests ({answers}): \"{Mask(result.Message, Secrets(settings))}\". " +
                "The check must fail because the marketplace refused the credentials (401 or 403, see RefusesCredentials); a failure for another reason (a server error, an answer it could not read) proves nothing about the secret.");
        }

        if (FindSecret(result.Message, Secrets(settings)) is { } leaked)
        {
            Fail($"The failed connection check's message quotes the secret '{leaked}': \"{Mask(result.Message, Secrets(settings))}\".");
        }
    }

    /// <summary>Stock levels of mapped articles reach the fake, and a later change of the ERP's stock follows.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task StockPush_MappedArticles_ReachTheFake()
    {
        if (!Declares(FeatureKind.Stock))
        {
            return;
        }

        var connection = await ProductiveAsync(FeatureKind.Stock).ConfigureAwait(false);
        var expected = await SeedStockAsync(connection, 7, 0, 12).ConfigureAwait(false);

        await RunDueAsync("the first stock sync").ConfigureAwait(false);
        AssertStock(expected, "after the first stock sync");

        Host.Stock.Set(ArticleNumber(1), 5);
        expected[Foreign(1)] = 5;
        await Host.StockSync.NotifyStockChangedAsync([ArticleNumber(1)], CancellationToken.None).ConfigureAwait(false);
        await RunDueAsync("the stock sync after a change").ConfigureAwait(false);
        AssertStock(expected, "after the ERP's stock of " + ArticleNumber(1) + " changed to 5");
    }

    /// <summary>An order with every field filled reaches the ERP with every field as the fake holds it.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task OrderImport_FullyPopulatedOrder_ArrivesWithEveryField()
    {
        if (!Declares(FeatureKind.Orders))
        {
            return;
        }

        var connection = await ProductiveAsync(FeatureKind.Orders).ConfigureAwait(false);
        await MapArticlesAsync(connection, 2).ConfigureAwait(false);
        var order = ConformanceOrders.Full("1001", Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5), Foreign(1), Foreign(2));
        SeedOrder(order);

        await RunDueAsync("the order import").ConfigureAwait(false);

        var received = Host.Orders.Orders.FirstOrDefault(h => h.Order.OrderNumber == order.OrderNumber)
                       ?? throw await MissingOrdersAsync(connection, [order.OrderNumber], "after one scheduled import").ConfigureAwait(false);
        if (ConformanceRules.LineIdsNotKept(order, received.Order) is { } renumbered)
        {
            Fail(renumbered);
        }

        var differences = new OrderComparison(IgnoredOrderFields).Compare(order, received.Order);
        if (differences.Count > 0)
        {
            Fail(
                $"Order {order.OrderNumber} reached the ERP with {differences.Count} field(s) different from the order on the fake:{Environment.NewLine}" +
                string.Join(Environment.NewLine, differences.Select(d => "  - " + d)) + Environment.NewLine +
                "If the marketplace cannot carry a field, list it in IgnoredOrderFields.");
        }
    }

    /// <summary>Importing again (later scheduled runs, an import by number) hands no order to the ERP twice.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task OrderImport_RunAgain_ImportsNothingTwice()
    {
        if (!Declares(FeatureKind.Orders))
        {
            return;
        }

        var connection = await ProductiveAsync(FeatureKind.Orders).ConfigureAwait(false);
        var numbers = await SeedOrdersAsync(connection, 3).ConfigureAwait(false);
        await RunDueAsync("the first order import").ConfigureAwait(false);
        await AssertEveryOrderOnceAsync(connection, numbers, "after the first import").ConfigureAwait(false);

        await Host.OrderImport.ImportOrdersAsync(connection, string.Join(", ", numbers), CancellationToken.None).ConfigureAwait(false);
        await RunForAsync(Duration.FromHours(1), "the repeated imports").ConfigureAwait(false);

        await AssertEveryOrderOnceAsync(connection, numbers, "after an hour of scheduled imports and an import by number").ConfigureAwait(false);
    }

    /// <summary>One scheduled import brings every order of several pages, each once.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task OrderImport_ManyPages_EveryOrderArrivesOnce()
    {
        if (!Declares(FeatureKind.Orders))
        {
            return;
        }

        var connection = await ProductiveAsync(FeatureKind.Orders).ConfigureAwait(false);
        var numbers = await SeedOrdersAsync(connection, (3 * OrderPageSize) + 1).ConfigureAwait(false);

        await RunDueAsync("the order import").ConfigureAwait(false);

        await AssertEveryOrderOnceAsync(connection, numbers, $"after one scheduled import of {numbers.Count} orders ({OrderPageSize} per page, so 4 pages)").ConfigureAwait(false);
    }

    /// <summary>Status and tracking of two partial shipments (different lines) reach the fake, each shipment once.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task StatusExport_PartialShipments_ReachTheFake()
    {
        if (!Declares(FeatureKind.Orders, FeatureKind.OrderStatus))
        {
            return;
        }

        var connection = await ProductiveAsync(FeatureKind.Orders, FeatureKind.OrderStatus).ConfigureAwait(false);
        await MapArticlesAsync(connection, 2).ConfigureAwait(false);
        var order = ConformanceOrders.Full("2001", Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5), Foreign(1), Foreign(2));
        SeedOrder(order);
        await RunDueAsync("the order import").ConfigureAwait(false);

        var first = Parcel(order, "S-1", "TRACK-0001", order.Lines[0]);
        await Host.StatusExport.NotifyOrderChangedAsync(connection, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.PartiallyShipped, [first]), CancellationToken.None).ConfigureAwait(false);
        await RunDueAsync("the export of the first parcel").ConfigureAwait(false);
        await AssertShipmentsAsync(connection, order.OrderNumber, OrderStatus.PartiallyShipped, [first], "after the first parcel").ConfigureAwait(false);

        var second = Parcel(order, "S-2", "TRACK-0002", order.Lines[1]);
        await Host.StatusExport.NotifyOrderChangedAsync(connection, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped, [first, second]), CancellationToken.None).ConfigureAwait(false);
        await RunDueAsync("the export of the second parcel").ConfigureAwait(false);
        await AssertShipmentsAsync(connection, order.OrderNumber, OrderStatus.Shipped, [first, second], "after the second parcel (the export repeats the first)").ConfigureAwait(false);
    }

    /// <summary>After 429 and 5xx answers, the SDK's retries and later runs bring every order once.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task OrderImport_TooManyRequestsAndServerErrors_EveryOrderOnce()
    {
        if (!Declares(FeatureKind.Orders))
        {
            return;
        }

        var connection = await ProductiveAsync(FeatureKind.Orders).ConfigureAwait(false);
        var numbers = await SeedOrdersAsync(connection, (3 * OrderPageSize) + 1).ConfigureAwait(false);
        Fake.Faults.Next(FaultKind.TooManyRequests).Next(FaultKind.ServiceUnavailable).Next(FaultKind.ServerError);

        await RunForAsync(RecoveryTime, "the imports under faults").ConfigureAwait(false);

        AssertFaultsInjected(3);
        await AssertEveryOrderOnceAsync(connection, numbers, $"after 429, 503 and 500 answers and {RecoveryTime} of scheduled imports").ConfigureAwait(false);
    }

    /// <summary>After 429 and 5xx answers, the SDK's retries and later runs bring every stock level right.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task StockPush_TooManyRequestsAndServerErrors_EveryLevelRight()
    {
        if (!Declares(FeatureKind.Stock))
        {
            return;
        }

        var connection = await ProductiveAsync(FeatureKind.Stock).ConfigureAwait(false);
        var expected = await SeedStockAsync(connection, 7, 4, 12).ConfigureAwait(false);
        Fake.Faults.Next(FaultKind.TooManyRequests).Next(FaultKind.ServiceUnavailable).Next(FaultKind.ServerError);

        await RunForAsync(RecoveryTime, "the stock syncs under faults").ConfigureAwait(false);

        AssertFaultsInjected(3);
        AssertStock(expected, $"after 429, 503 and 500 answers and {RecoveryTime} of scheduled stock syncs");

        // A change during an outage: only the delta is sent, so a call the connector reports as sent but that failed stays wrong.
        for (var i = 1; i <= expected.Count; i++)
        {
            Host.Stock.Set(ArticleNumber(i), 20 + i);
            expected[Foreign(i)] = 20 + i;
        }

        Fake.Faults.Next(FaultKind.ServiceUnavailable).Next(FaultKind.TooManyRequests).Next(FaultKind.ServerError);
        await Host.StockSync.NotifyStockChangedAsync(Enumerable.Range(1, expected.Count).Select(ArticleNumber).ToArray(), CancellationToken.None).ConfigureAwait(false);
        await RunForAsync(RecoveryTime, "the stock syncs of a change under faults").ConfigureAwait(false);

        AssertFaultsInjected(6);
        AssertStock(expected, $"after the ERP's stock changed, 503, 429 and 500 answers to the change and {RecoveryTime} of scheduled stock syncs");
    }

    /// <summary>
    /// A malformed or truncated payload is reported — a failed run or a failed journal entry — instead of crashing or
    /// being taken as data; later runs then bring every order once.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task OrderImport_MalformedPayload_JournaledAsFailure()
    {
        if (!Declares(FeatureKind.Orders))
        {
            return;
        }

        var connection = await ProductiveAsync(FeatureKind.Orders).ConfigureAwait(false);
        var numbers = await SeedOrdersAsync(connection, 3).ConfigureAwait(false);
        Fake.Faults.Next(FaultKind.MalformedJson).Next(FaultKind.TruncatedJson);

        var first = await RunDueAsync("the import that reads a malformed payload").ConfigureAwait(false);
        var failedEntries = (await Host.JournalEntriesAsync(connection, RecordKind.Order).ConfigureAwait(false)).Where(e => e.Status == JournalStatus.Failed).ToArray();
        if (!first.Any(r => r.Outcome == WorkRunOutcome.Failed) && failedEntries.Length == 0)
        {
            Fail(
                $"The fake answered {Describe(Fake.Faults.Injected)}, yet no run failed and no order is Failed in the journal (runs: {string.Join("; ", first)}). " +
                "The connector took a broken payload for data (an empty page?) instead of throwing or reporting the order as unreadable.");
        }

        await RunForAsync(RecoveryTime, "the imports after the malformed payloads").ConfigureAwait(false);
        await AssertEveryOrderOnceAsync(connection, numbers, $"after a malformed and a truncated payload and {RecoveryTime} of scheduled imports").ConfigureAwait(false);
    }

    /// <summary>
    /// A cancelled token stops the connector: it throws <see cref="OperationCanceledException"/> (or reports every record
    /// failed) and writes nothing to the marketplace; and an import cancelled after its first page leaves nothing
    /// half-written: the next runs bring every order once.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Cancellation_CancelledToken_StopsWithoutWriting()
    {
        var connection = await ProductiveAsync().ConfigureAwait(false);
        var context = await Host.ContextOfAsync(connection).ConfigureAwait(false);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);

        if (Connector.GetFeature<IStockFeature>() is { } stock)
        {
            Fake.SeedArticle(Foreign(1), 3);
            var result = await CancelledAsync("PushStockAsync", () => stock.PushStockAsync(context, [new StockUpdate(ArticleNumber(1), Foreign(1), 7)], cancelled.Token)).ConfigureAwait(false);
            var level = Fake.StockOf(Foreign(1));
            if (level != 3)
            {
                Fail($"PushStockAsync was called with a cancelled token and still wrote: stock for {Foreign(1).Value} on the fake is {Show(level)}, expected it to stay 3.");
            }

            if (result is not null && result.Records.Any(r => r.Outcome != RecordOutcome.Failed))
            {
                Fail("PushStockAsync was called with a cancelled token and reported records as sent; throw OperationCanceledException instead.");
            }
        }

        if (Declares(FeatureKind.Prices) && Connector.GetFeature<IPriceFeature>() is { } prices)
        {
            var fake = PriceFake;
            Fake.SeedArticle(Foreign(1), 3);
            var held = fake.PriceOf(Foreign(1));
            var price = new PriceUpdate(ArticleNumber(1), Foreign(1), new Money(12.34m, fake.Currency), new Money(23.45m, fake.Currency)) { Basis = KitRules(fake).Basis };
            var result = await CancelledAsync("PushPricesAsync", () => prices.PushPricesAsync(context, [price], cancelled.Token)).ConfigureAwait(false);
            if (fake.PriceOf(Foreign(1)) != held)
            {
                Fail($"PushPricesAsync was called with a cancelled token and still wrote: the price of {Foreign(1).Value} on the fake is {Describe(fake.PriceOf(Foreign(1)))}, expected it to stay {Describe(held)}.");
            }

            if (result is not null && result.Records.Any(r => r.Outcome != RecordOutcome.Failed))
            {
                Fail("PushPricesAsync was called with a cancelled token and reported records as sent; throw OperationCanceledException instead.");
            }
        }

        if (Connector.GetFeature<IOrdersFeature>() is { } orders)
        {
            var pages = 0;
            await CancelledAsync("FetchChangedOrdersAsync", async () =>
            {
                await foreach (var page in orders.FetchChangedOrdersAsync(context, new OrderCursor(Host.Clock.GetCurrentInstant() - Duration.FromDays(1)), cancelled.Token).ConfigureAwait(false))
                {
                    pages++;
                }
            }).ConfigureAwait(false);
            if (pages > 0)
            {
                Fail($"FetchChangedOrdersAsync was called with a cancelled token and still returned {pages} page(s); throw OperationCanceledException instead.");
            }
        }

        if (Connector.Descriptor.Supports(FeatureKind.Orders))
        {
            await CancelledHalfWayAsync(connection).ConfigureAwait(false);
        }

        if (Connector.GetFeature<IOrderStatusFeature>() is { } status)
        {
            var order = ConformanceOrders.Simple("3001", Host.Clock.GetCurrentInstant(), Foreign(1));
            Fake.SeedArticle(Foreign(1), 3);
            SeedOrder(order);
            var update = new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped, [Parcel(order, "S-1", "TRACK-0001", order.Lines[0])]);
            await CancelledAsync("ExportOrderStatusAsync", async () =>
            {
                await status.ExportOrderStatusAsync(context, update, cancelled.Token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            if (Fake.ShipmentsOf(order.OrderNumber).Count > 0)
            {
                Fail($"ExportOrderStatusAsync was called with a cancelled token and still sent a shipment of order {order.OrderNumber} to the fake.");
            }
        }
    }

    /// <summary>
    /// No secret — not the valid one, not the bad one, not URL- or Base64-encoded — appears in a log line, a journal
    /// message, a run's result or a connection check's message, across stock, orders, status, prices, faults and a failed check.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Secrets_EveryOperation_NeverInLogsOrJournal()
    {
        var settings = ConnectionSettings(Fake.BaseAddress);
        var badSettings = ConnectionSettingsWithBadSecret(Fake.BaseAddress);
        var secrets = Secrets(settings).Concat(Secrets(badSettings)).Distinct(StringComparer.Ordinal).ToArray();
        if (secrets.Length == 0)
        {
            Fail("ConnectionSettings() sets no secret (SettingsUpdate.SetSecret); the kit cannot check that secrets stay out of logs.");
        }

        var texts = new List<(string Where, string Text)>();
        var check = await CheckAsync(badSettings, "bad").ConfigureAwait(false);
        texts.Add(("the failed connection check's message", check.Message));

        var connection = await ProductiveAsync().ConfigureAwait(false);
        await SeedStockAsync(connection, 7).ConfigureAwait(false);
        if (Declares(FeatureKind.Prices))
        {
            await Host.PriceSync.SetRulesAsync(connection, PriceRules.Default with { Currency = PriceFake.Currency }, CancellationToken.None).ConfigureAwait(false);
            SetPrice(PriceFake, 1, 19.99m, 24.99m);
        }

        var order = ConformanceOrders.Full("4001", Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5), Foreign(1), Foreign(1));
        SeedOrder(order);
        var runs = new List<WorkRunResult>(await RunDueAsync("the first runs").ConfigureAwait(false));
        if (Connector.Descriptor.Supports(FeatureKind.OrderStatus))
        {
            await Host.StatusExport.NotifyOrderChangedAsync(connection, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped, [Parcel(order, "S-1", "TRACK-0001", order.Lines[0])]), CancellationToken.None).ConfigureAwait(false);
        }

        Host.Stock.Set(ArticleNumber(1), 2);
        await Host.StockSync.NotifyStockChangedAsync([ArticleNumber(1)], CancellationToken.None).ConfigureAwait(false);
        SeedOrder(ConformanceOrders.Simple("4002", Host.Clock.GetCurrentInstant(), Foreign(1)));
        Fake.Faults.Next(FaultKind.ServiceUnavailable).Next(FaultKind.TooManyRequests).Next(FaultKind.MalformedJson).Next(FaultKind.ServerError, times: 4);
        runs.AddRange(await RunForAsync(Duration.FromHours(1), "the runs under faults").ConfigureAwait(false));

        texts.AddRange(runs.Where(r => r.Message is not null).Select(r => ($"the result of {r.Item}", r.Message!)));
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            foreach (var entry in await Host.JournalEntriesAsync(connection, kind).ConfigureAwait(false))
            {
                texts.AddRange(entry.History.Where(h => h.Message is not null).Select(h => ($"the journal history of {entry.Key}", h.Message!)));
                if (entry.EarlierHistory?.FirstMessage is { } firstMessage)
                {
                    texts.Add(($"the folded journal history of {entry.Key}", firstMessage));
                }

                if (entry.Message is not null)
                {
                    texts.Add(($"the journal entry {entry.Key}", entry.Message));
                }
            }
        }

        texts.AddRange(LogLines.Select(l => ("a log line", l)));
        foreach (var (where, text) in texts)
        {
            if (FindSecret(text, secrets) is { } leaked)
            {
                Fail($"The secret '{leaked}' appears in {where}: \"{Mask(text, secrets)}\" (secrets masked here). Never log or report a secret, not even in an exception message.");
            }
        }
    }

    // A run cancelled after the first page of orders stops; what it left half-done, the next runs finish: every order once.
    private async Task CancelledHalfWayAsync(ConnectionId connection)
    {
        var numbers = await SeedOrdersAsync(connection, (2 * OrderPageSize) + 1).ConfigureAwait(false);
        using var halfWay = new CancellationTokenSource();
        _observed!.AfterPage = halfWay.Cancel;
        try
        {
            await Host.RunDueAsync(halfWay.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: the run was cancelled.
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            Fail($"A run cancelled after its first page of orders threw {ex.GetType().Name} instead of stopping: {ex.Message}");
        }
        finally
        {
            _observed.AfterPage = null;
        }

        if (!halfWay.IsCancellationRequested)
        {
            Fail($"The order import read no page of the {numbers.Count} orders on the fake, so the kit could not cancel it half-way.");
        }

        await RunForAsync(Duration.FromHours(1), "the imports after the cancelled run").ConfigureAwait(false);
        await AssertEveryOrderOnceAsync(connection, numbers, "after a run cancelled after its first page and an hour of scheduled imports").ConfigureAwait(false);
    }

    private static async ValueTask DisposeOfAsync(object? owned)
    {
        switch (owned)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    // The kit's own log, in the connector's provider and in the host's (whose time for every HttpClient the host sets).
    private void AddKitServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerFactory>(_log);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    private async Task<ConnectionCheckResult> CheckAsync(SettingsUpdate settings, string id)
    {
        var connection = new ConnectionId("check-" + id);
        await Ok(Host.Lifecycle.CreateAsync(connection, Connector.Descriptor.Id, connection.Value, ConnectTestHost.User, CancellationToken.None), "create").ConfigureAwait(false);
        await Ok(Host.Lifecycle.UpdateSettingsAsync(connection, settings, ConnectTestHost.User, CancellationToken.None), "save settings").ConfigureAwait(false);
        var context = await Host.ContextOfAsync(connection).ConfigureAwait(false);
        try
        {
            await using (Time.DriveInBackground().ConfigureAwait(false))
            {
                return await Connector.CheckConnectionAsync(context, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            Fail($"CheckConnectionAsync threw {ex.GetType().Name} with the {id} settings; return ConnectionCheckResult.Failure(\"…\") with what failed instead. Message: {Mask(ex.Message, Secrets(settings))}");
            throw;
        }
    }

    // A check of a feature the connector does not declare does not apply: the connector cannot be asked for it.
    private bool Declares(params FeatureKind[] features) => features.All(Connector.Descriptor.Supports);

    private async Task<ConnectionId> ProductiveAsync(params FeatureKind[] features)
    {
        try
        {
            return await Host.CreateProductiveConnectionAsync(Connector.Descriptor.Id, ConnectionSettings(Fake.BaseAddress), "conformance", features).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            Fail($"The connection could not be made productive with ConnectionSettings(): {ex.Message}");
            throw;
        }
    }

    private async Task<Dictionary<ForeignNumber, int>> SeedStockAsync(ConnectionId connection, params int[] levels)
    {
        var expected = new Dictionary<ForeignNumber, int>();
        for (var i = 0; i < levels.Length; i++)
        {
            Fake.SeedArticle(Foreign(i + 1), 3);
            await Host.AddArticleAsync(connection, new Article(ArticleNumber(i + 1), "Article " + (i + 1), ArticleKind.Simple), Foreign(i + 1), levels[i]).ConfigureAwait(false);
            expected[Foreign(i + 1)] = levels[i];
        }

        return expected;
    }

    private async Task MapArticlesAsync(ConnectionId connection, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            Fake.SeedArticle(Foreign(i), 100);
            await Host.AddArticleAsync(connection, new Article(ArticleNumber(i), "Article " + i, ArticleKind.Simple), Foreign(i), 100).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<string>> SeedOrdersAsync(ConnectionId connection, int count)
    {
        await MapArticlesAsync(connection, 1).ConfigureAwait(false);
        var now = Host.Clock.GetCurrentInstant();
        var numbers = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            // One minute apart, oldest first, so that pages cover more time than the SDK's overlap.
            var number = (10001 + i).ToString(CultureInfo.InvariantCulture);
            SeedOrder(ConformanceOrders.Simple(number, now - Duration.FromMinutes(count - i + 1), Foreign(1)));
            numbers.Add(number);
        }

        return numbers;
    }

    private void SeedOrder(MarketplaceOrder order) => Fake.SeedOrder(ConformanceRules.WithDigitLineIds(order));

    private async Task<IReadOnlyList<WorkRunResult>> RunDueAsync(string what) =>
        await Run(what, () => Host.RunDueAsync()).ConfigureAwait(false);

    private async Task<IReadOnlyList<WorkRunResult>> RunForAsync(Duration span, string what) =>
        await Run(what, () => Host.RunForAsync(span)).ConfigureAwait(false);

    private static async Task<IReadOnlyList<WorkRunResult>> Run(string what, Func<Task<IReadOnlyList<WorkRunResult>>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            Fail($"An exception escaped {what}: {ex.GetType().Name}: {ex.Message}. A connector must fail calls with exceptions the SDK journals, or report records as failed; nothing may crash the run.");
            throw;
        }
    }

    private void AssertStock(IReadOnlyDictionary<ForeignNumber, int> expected, string when)
    {
        var wrong = expected
            .Where(e => Fake.StockOf(e.Key) != e.Value)
            .Select(e => $"stock for {e.Key.Value} on the fake is {Show(Fake.StockOf(e.Key))}, expected {e.Value}")
            .ToArray();
        if (wrong.Length > 0)
        {
            Fail($"Wrong stock on the fake {when}: {string.Join("; ", wrong)}.");
        }
    }

    private async Task AssertEveryOrderOnceAsync(ConnectionId connection, IReadOnlyList<string> numbers, string when)
    {
        var received = Host.Orders.Orders.GroupBy(h => h.Order.OrderNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = numbers.Where(n => !received.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw await MissingOrdersAsync(connection, missing, when).ConfigureAwait(false);
        }

        var twice = received.Where(r => r.Value > 1).Select(r => $"{r.Key} ({r.Value} times)").ToArray();
        var unexpected = received.Keys.Except(numbers, StringComparer.Ordinal).ToArray();
        if (twice.Length > 0 || unexpected.Length > 0)
        {
            Fail($"The ERP received orders twice or orders the fake does not hold {when}: twice {string.Join(", ", twice)}; unknown {string.Join(", ", unexpected)}.");
        }
    }

    private async Task<Exception> MissingOrdersAsync(ConnectionId connection, string[] missing, string when)
    {
        var journal = (await Host.JournalEntriesAsync(connection, RecordKind.Order).ConfigureAwait(false)).ToDictionary(e => e.Key.RecordKey, StringComparer.Ordinal);
        var shown = missing.Take(5).Select(n => journal.TryGetValue(n, out var e) ? $"{n} (journal: {e.Status}, \"{e.Message}\")" : $"{n} (not in the journal: never read from the fake)");
        return new ConformanceException(
            $"{missing.Length} order(s) the fake holds never reached the ERP {when}: {string.Join(", ", shown)}{(missing.Length > 5 ? ", …" : string.Empty)}.");
    }

    private async Task AssertShipmentsAsync(ConnectionId connection, string orderNumber, OrderStatus status, IReadOnlyList<Shipment> expected, string when)
    {
        var entry = await Host.Journal.GetAsync(new JournalKey(connection, RecordKind.OrderStatus, orderNumber), CancellationToken.None).ConfigureAwait(false);
        var journal = entry is null ? "no journal entry" : $"journal: {entry.Status}, \"{entry.Message}\"";
        var held = Fake.ShipmentsOf(orderNumber);
        var problems = new List<string>();
        if (Fake.StatusOf(orderNumber) != status)
        {
            problems.Add($"the status of order {orderNumber} on the fake is {Show(Fake.StatusOf(orderNumber))}, expected {status}");
        }

        foreach (var shipment in expected)
        {
            var matching = held.Where(s => s.TrackingNumber == shipment.TrackingNumber).ToArray();
            if (matching.Length != 1)
            {
                problems.Add($"the fake holds the shipment with tracking number {shipment.TrackingNumber} {matching.Length} time(s), expected once");
                continue;
            }

            var lines = string.Join(", ", matching[0].Lines.OrderBy(l => l.LineId, StringComparer.Ordinal).Select(l => $"{l.LineId}×{l.Quantity}"));
            var wanted = string.Join(", ", shipment.Lines.OrderBy(l => l.LineId, StringComparer.Ordinal).Select(l => $"{l.LineId}×{l.Quantity}"));
            if (lines != wanted && !IgnoredShipmentFields.Contains(ShipmentField.Lines))
            {
                problems.Add($"shipment {shipment.TrackingNumber} on the fake holds lines [{lines}], expected [{wanted}]");
            }

            if (!string.Equals(matching[0].Carrier, shipment.Carrier.Value, StringComparison.OrdinalIgnoreCase) && !IgnoredShipmentFields.Contains(ShipmentField.Carrier))
            {
                problems.Add($"shipment {shipment.TrackingNumber} on the fake has carrier '{matching[0].Carrier}', expected '{shipment.Carrier}'");
            }
        }

        if (held.Count != expected.Count)
        {
            problems.Add($"the fake holds {held.Count} shipment(s), expected {expected.Count}");
        }

        if (problems.Count > 0)
        {
            Fail($"Status and tracking on the fake are wrong {when} ({journal}): {string.Join("; ", problems)}.");
        }
    }

    private void AssertFaultsInjected(int count)
    {
        if (Fake.Faults.Injected.Count < count)
        {
            Fail($"The fake injected {Fake.Faults.Injected.Count} of {count} scheduled fault(s): it must draw every request from its FaultPlan, or the connector made too few requests to test recovery.");
        }
    }

    private static async Task<T?> CancelledAsync<T>(string call, Func<ValueTask<T>> action)
        where T : class
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            Fail($"{call} was called with a cancelled token and threw {ex.GetType().Name} instead of OperationCanceledException: {ex.Message}");
            throw;
        }
    }

    private static async Task CancelledAsync(string call, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            Fail($"{call} was called with a cancelled token and threw {ex.GetType().Name} instead of OperationCanceledException: {ex.Message}");
        }
    }

    private static Shipment Parcel(MarketplaceOrder order, string id, string tracking, OrderLine line) => new()
    {
        ShipmentId = $"{order.OrderNumber}-{id}",
        Carrier = Carrier.Dhl,
        TrackingNumber = tracking,
        ShippedAt = order.UpdatedAt + Duration.FromHours(2),
        Lines = [new ShippedLine(line.LineId, line.Quantity)],
    };

    private ForeignNumber Foreign(int index) => new(ForeignNumberLabel, ForeignNumberValue(index));

    private static string ArticleNumber(int index) => string.Create(CultureInfo.InvariantCulture, $"ART-{index}");

    private static string[] Secrets(SettingsUpdate settings) =>
        settings.Secrets.Values.OfType<SecretValue>().Select(s => s.Reveal()).Where(s => s.Length > 0).ToArray();

    private static string? FindSecret(string? text, IEnumerable<string> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            if (Forms(secret).Any(form => text.Contains(form, StringComparison.Ordinal)))
            {
                return Mask(secret, [secret]);
            }
        }

        return null;
    }

    // The secret as it is, URL-encoded and Base64-encoded (as in a Basic authorization header).
    private static IEnumerable<string> Forms(string secret) =>
        new[] { secret, Uri.EscapeDataString(secret), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)) }.Distinct(StringComparer.Ordinal);

    private static string Mask(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            foreach (var form in Forms(secret))
            {
                text = text.Replace(form, form.Length > 4 ? form[..2] + "…" + form[^2..] : "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string Describe(IReadOnlyList<InjectedFault> faults) =>
        faults.Count == 0 ? "no request with a fault" : string.Join(", ", faults.Select(f => $"{f.Operation} #{f.RequestNumber} with {f.Kind}"));

    private static string Show<T>(T? value)
        where T : struct => value is { } v ? v.ToString() ?? "(none)" : "(unknown)";

    private static async Task Ok(Task<LifecycleResult> step, string what)
    {
        var result = await step.ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Fail($"Preparing the connection failed at '{what}': {result}");
        }
    }

    [DoesNotReturn]
    private static void Fail(string message) => throw new ConformanceException(message);

    private static InvalidOperationException NotInitialised() =>
        new("The conformance check has not been initialised: the test framework shell calls InitializeAsync before each check; call it yourself when you run a check directly.");
}
