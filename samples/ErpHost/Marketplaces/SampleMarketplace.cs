using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
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
/// Each marketplace the SDK ships a fake for gets one of these.
/// </summary>
internal abstract class SampleMarketplace : IAsyncDisposable
{
    /// <summary>The sample's connection to it.</summary>
    public abstract ConnectionId Connection { get; }

    /// <summary>The connector that serves it.</summary>
    public abstract ConnectorId Connector { get; }

    /// <summary>The connection's display name.</summary>
    public abstract string DisplayName { get; }

    /// <summary>The running fake; valid after <see cref="StartAsync"/>.</summary>
    public abstract IMarketplaceFake Fake { get; }

    /// <summary>The name of the fake's stock-write operation, where the story injects its fault.</summary>
    public abstract string StockWriteOperation { get; }

    /// <summary>Registers the marketplace's connector with the SDK.</summary>
    public abstract void Register(ConnectSdkBuilder sdk);

    /// <summary>Starts the fake on a free loopback port and seeds its offers.</summary>
    public abstract ValueTask StartAsync(NodaTime.IClock clock, CancellationToken cancellationToken);

    /// <summary>The endpoint and credentials, with the token mistyped the way users do.</summary>
    public abstract SettingsUpdate CredentialsWithTypo { get; }

    /// <summary>The endpoint and the right credentials.</summary>
    public abstract SettingsUpdate Credentials { get; }

    /// <summary>Points the connection at the fake's current address (it gets a new port on every start).</summary>
    public abstract SettingsUpdate Endpoint { get; }

    /// <summary>Whether the stored settings point at the running fake.</summary>
    public abstract bool PointsAtFake(Connection connection);

    /// <summary>The settings the connection check does not need but integration mode does.</summary>
    public abstract SettingsUpdate SettingsForIntegration { get; }

    /// <summary>The foreign numbers as the user's CSV file has them, one bad row included.</summary>
    public abstract string ForeignNumbersCsv { get; }

    /// <summary>The marketplace's number for an ERP article (the foreign number the CSV maps it to).</summary>
    public abstract Connect.Sdk.ForeignNumbers.ForeignNumber OfferOf(string articleNumber);

    /// <summary>The article the test phase writes to (the restricted article mapping).</summary>
    public abstract string TestArticle { get; }

    /// <summary>The numbers of the orders buyers place in a cycle (cycle 0: before the connection goes live).</summary>
    public abstract IReadOnlyList<string> OrdersOf(int cycle);

    /// <summary>Buyers place a cycle's orders on the marketplace; returns their numbers.</summary>
    public IReadOnlyList<string> PlaceOrders(int cycle)
    {
        var numbers = OrdersOf(cycle);
        for (var i = 0; i < numbers.Count; i++)
        {
            var order = NewOrder(numbers[i], pick: cycle + i, quantity: 1 + i);
            Remember(order);
            Fake.SeedOrder(order);
        }

        return numbers;
    }

    /// <summary>A shipment of the whole order, with tracking, as the ERP's dispatch reports it.</summary>
    public abstract OrderStatusUpdate ShipmentOf(string orderNumber, int parcel);

    /// <summary>The fake once started, disposed with the marketplace.</summary>
    protected abstract IAsyncDisposable? StartedFake { get; }

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

    /// <summary>
    /// A buyer's order with number <paramref name="number"/>: <paramref name="quantity"/> of the offer that
    /// <paramref name="pick"/> chooses (modulo the offers a buyer can order).
    /// </summary>
    protected abstract MarketplaceOrder NewOrder(string number, int pick, int quantity);

    private void Remember(MarketplaceOrder order) => _placed[order.OrderNumber] = order;

    /// <summary>
    /// One DHL parcel with every line of a placed order, tracking number <paramref name="trackingPrefix"/> and the
    /// parcel's number in six digits.
    /// </summary>
    protected OrderStatusUpdate WholeOrderShipment(string orderNumber, string trackingPrefix, int parcel, Instant shippedAt, Func<string, Uri>? trackingUrl = null)
    {
        var order = _placed[orderNumber];
        var trackingNumber = string.Create(CultureInfo.InvariantCulture, $"{trackingPrefix}{parcel:D6}");
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
                    TrackingUrl = trackingUrl?.Invoke(trackingNumber),
                    ShippedAt = shippedAt,
                    Lines = [.. order.Lines.Select(l => new ShippedLine(l.LineId, l.Quantity))],
                },
            ]);
    }

    private readonly Dictionary<string, MarketplaceOrder> _placed = new(StringComparer.Ordinal);
}
