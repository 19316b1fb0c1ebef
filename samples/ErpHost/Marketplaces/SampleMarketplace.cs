using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// One marketplace of the sample: its fake on loopback and everything the story needs to know about it — the
/// connection's settings, the foreign numbers of the ERP's articles there, and the orders its buyers place.
/// Each marketplace the SDK ships a fake for gets one of these (through <see cref="SampleMarketplace{TFake}"/>).
/// </summary>
/// <remarks>
/// What every marketplace shares lives here: the connection points at the fake by one setting
/// (<see cref="EndpointKey"/>); buyers order the <see cref="SampleArticle"/>s it offers (<see cref="Offered"/>), one line
/// an order, sent to a <see cref="SampleBuyer"/>; the ERP ships each order whole in one DHL parcel. A marketplace class
/// says only what is its own: its fake and credentials, its settings, its foreign numbers and order numbers, and how its
/// order payload looks (<see cref="OrderOf"/>).
/// </remarks>
/// <param name="connection">The sample's connection to it.</param>
/// <param name="connector">The connector that serves it.</param>
/// <param name="displayName">The connection's display name.</param>
internal abstract class SampleMarketplace(ConnectionId connection, ConnectorId connector, string displayName) : IAsyncDisposable
{
    private const string ForeignNumbersHeader = "article_number;label;foreign_number";

    /// <summary>The article number of the CSV's bad row: the ERP has no such article.</summary>
    protected const string UnknownArticle = "9999";

    private readonly Dictionary<string, MarketplaceOrder> _placed = new(StringComparer.Ordinal);

    /// <summary>The sample's connection to it.</summary>
    public ConnectionId Connection { get; } = connection;

    /// <summary>The connector that serves it.</summary>
    public ConnectorId Connector { get; } = connector;

    /// <summary>The connection's display name.</summary>
    public string DisplayName { get; } = displayName;

    /// <summary>The running fake; valid after <see cref="StartAsync"/>.</summary>
    public abstract IMarketplaceFake Fake { get; }

    /// <summary>The name of the fake's stock-write operation, where the story injects its fault.</summary>
    public abstract string StockWriteOperation { get; }

    /// <summary>The endpoint and credentials, with the token mistyped the way users do.</summary>
    public abstract SettingsUpdate CredentialsWithTypo { get; }

    /// <summary>The endpoint and the right credentials.</summary>
    public abstract SettingsUpdate Credentials { get; }

    /// <summary>Points the connection at the fake's current address (it gets a new port on every start).</summary>
    public virtual SettingsUpdate Endpoint => SettingsUpdate.Empty.Set(EndpointKey, FakeAddress.ToString());

    /// <summary>The settings the connection check does not need but integration mode does.</summary>
    public virtual SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty;

    /// <summary>The foreign numbers as the user's CSV file has them, one bad row included.</summary>
    public abstract string ForeignNumbersCsv { get; }

    /// <summary>The article the test phase writes to (the restricted article mapping).</summary>
    public static string TestArticle => SampleArticle.CoffeeMug.Number;

    /// <summary>The clock the fake and the buyers' orders run on: the sample's clock once started.</summary>
    protected IClock Clock { get; private set; } = SystemClock.Instance;

    /// <summary>The ERP's articles this marketplace lists, in the order buyers pick from them.</summary>
    protected abstract IReadOnlyList<SampleArticle> Offered { get; }

    /// <summary>The articles buyers order here; all that are offered unless the marketplace says otherwise.</summary>
    protected virtual IReadOnlyList<SampleArticle> Orderable => Offered;

    /// <summary>The connection setting that holds the marketplace's address.</summary>
    protected abstract string EndpointKey { get; }

    /// <summary>The address of the running fake that <see cref="EndpointKey"/> points at.</summary>
    protected virtual Uri FakeAddress => Fake.BaseAddress;

    /// <summary>The DHL tracking number of the marketplace's parcels, without the parcel's six digits.</summary>
    protected abstract string TrackingPrefix { get; }

    /// <summary>The fake once started, disposed with the marketplace.</summary>
    protected abstract IAsyncDisposable? StartedFake { get; }

    /// <summary>Registers the marketplace's connector with the SDK.</summary>
    public abstract void Register(ConnectSdkBuilder sdk);

    /// <summary>Whether the stored settings point at the running fake.</summary>
    public bool PointsAtFake(Connection connection) => connection.Settings.Get(EndpointKey) == FakeAddress.ToString();

    /// <summary>The marketplace's number for an ERP article (the foreign number the CSV maps it to).</summary>
    public abstract ForeignNumber OfferOf(string articleNumber);

    /// <summary>The numbers of the orders buyers place in a cycle (cycle 0: before the connection goes live).</summary>
    public abstract IReadOnlyList<string> OrdersOf(int cycle);

    /// <summary>Starts the fake on a free loopback port, seeds its offers and has buyers place cycle 0's orders.</summary>
    public ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        Clock = clock;
        StartFake(clock);
        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    /// <summary>Buyers place a cycle's orders on the marketplace; returns their numbers.</summary>
    public IReadOnlyList<string> PlaceOrders(int cycle)
    {
        var numbers = OrdersOf(cycle);
        var orderable = Orderable;
        for (var i = 0; i < numbers.Count; i++)
        {
            var order = OrderOf(numbers[i], orderable[(cycle + i) % orderable.Count], quantity: 1 + i);
            _placed[order.OrderNumber] = order;
            Fake.SeedOrder(order);
        }

        return numbers;
    }

    /// <summary>
    /// A shipment of the whole order, with tracking, as the ERP's dispatch reports it: one DHL parcel with every line of
    /// the placed order, tracking number <see cref="TrackingPrefix"/> and the parcel's number in six digits.
    /// </summary>
    public OrderStatusUpdate ShipmentOf(string orderNumber, int parcel)
    {
        var order = _placed[orderNumber];
        var trackingNumber = string.Create(CultureInfo.InvariantCulture, $"{TrackingPrefix}{parcel:D6}");
        return new(
            orderNumber,
            order.MarketplaceOrderId,
            OrderStatus.Shipped,
            [
                new Shipment
                {
                    ShipmentId = orderNumber + "-P1",
                    Carrier = Carrier.Dhl,
                    TrackingNumber = trackingNumber,
                    TrackingUrl = TrackingUrlOf(trackingNumber),
                    ShippedAt = Clock.GetCurrentInstant(),
                    Lines = [.. order.Lines.Select(l => new ShippedLine(l.LineId, l.Quantity))],
                },
            ]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (StartedFake is { } fake)
        {
            await fake.DisposeAsync();
        }
    }

    /// <summary>
    /// HTTP client options for sample time. The sample's clock runs many times faster than the wall clock, and the HTTP
    /// client's timeouts and circuit breaker run on it: half a minute of sample time is a fraction of a real second, less
    /// than a cold loopback server needs for its first answer, and a breaker window that holds the story's whole planned
    /// outage (six 503s to stock writes) would open and cut off the tracking export of the same moment. A real host
    /// keeps the defaults.
    /// </summary>
    protected static void ForSampleTime(MarketplaceHttpClientOptions http)
    {
        http.Resilience.AttemptTimeout = TimeSpan.FromHours(1);
        http.Resilience.TotalTimeout = TimeSpan.FromHours(2);
        http.Resilience.CircuitMinimumThroughput = 1000;
    }

    /// <summary>The order numbers of a cycle: two orders, numbered from the cycle's serial (cycle × 10 + 1, + 2).</summary>
    protected static IReadOnlyList<string> TwoOrders(int cycle, Func<int, string> numberOf) =>
        [.. Enumerable.Range(1, 2).Select(i => numberOf((cycle * 10) + i))];

    /// <summary>The foreign-numbers CSV with the given rows.</summary>
    protected static string ForeignNumbersCsvOf(IEnumerable<(string Article, ForeignNumber Number)> rows) => string.Join(
        Environment.NewLine,
        [ForeignNumbersHeader, .. rows.Select(r => $"{r.Article};{r.Number.Label};{r.Number.Value}")]);

    /// <summary>
    /// The CSV the way most users write it: each offered article with its <see cref="OfferOf"/> number, then a row for an
    /// article the ERP does not have, with the foreign number <paramref name="unknown"/>.
    /// </summary>
    protected string OffersCsv(ForeignNumber unknown) =>
        ForeignNumbersCsvOf([.. Offered.Select(a => (a.Number, OfferOf(a.Number))), (UnknownArticle, unknown)]);

    /// <summary>Starts the fake on the sample's clock and seeds its offers.</summary>
    protected abstract void StartFake(IClock clock);

    /// <summary>How a buyer's order of <paramref name="quantity"/> of <paramref name="article"/> looks on this marketplace.</summary>
    protected abstract MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity);

    /// <summary>The link to follow a parcel, where the marketplace wants one with the tracking number.</summary>
    protected virtual Uri? TrackingUrlOf(string trackingNumber) => null;

    /// <summary>
    /// An open order in euros placed now by <paramref name="buyer"/>, with the one <paramref name="line"/> and
    /// <paramref name="shipping"/> gross; the marketplace's own fields go on with <c>with</c>.
    /// </summary>
    protected MarketplaceOrder OpenOrder(string number, OrderLine line, decimal shipping, SampleBuyer buyer)
    {
        var now = Clock.GetCurrentInstant();
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = number,
            CreatedAt = now,
            UpdatedAt = now,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines = [line],
            ShippingCost = Euros(shipping),
            BillingAddress = buyer.BillingAddress,
            ShippingAddress = buyer.ShippingAddress,
            BuyerEmail = buyer.Email,
        };
    }

    /// <summary>An order line of <paramref name="quantity"/> of <paramref name="article"/> at its gross price.</summary>
    protected OrderLine LineOf(string lineId, SampleArticle article, int quantity) => new()
    {
        LineId = lineId,
        ForeignNumber = OfferOf(article.Number),
        Title = article.Title,
        Quantity = quantity,
        UnitPrice = Euros(article.Price),
    };

    /// <summary>The German standard rate of VAT, which every sample price includes.</summary>
    protected const decimal GermanVatRate = 0.19m;

    /// <summary>The German VAT in a line of <paramref name="quantity"/> of <paramref name="article"/>, rounded to the cent.</summary>
    protected static Money GermanVatIn(SampleArticle article, int quantity) =>
        Euros(decimal.Round(article.Price * quantity * 19m / 119m, 2));

    /// <summary>The order with the total the marketplace states: its lines and its shipping.</summary>
    protected static MarketplaceOrder WithTotal(MarketplaceOrder order) =>
        order with { Total = Euros(order.Lines.Sum(l => l.UnitPrice.Amount * l.Quantity) + order.ShippingCost.Amount) };

    private static Money Euros(decimal amount) => new(amount, CurrencyCode.Eur);
}
