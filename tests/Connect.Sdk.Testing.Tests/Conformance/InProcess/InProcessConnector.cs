using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Conformance.InProcess;

/// <summary>
/// A connector for <see cref="InProcessMarketplace"/>, written as a partner would write one: it retries 429 and 5xx
/// answers a few times, follows the order list's pages, maps every field, sends only missing shipments, honours
/// cancellation and never logs the token. Each <see cref="ConnectorFlaw"/> breaks one of these on purpose.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1848:Use the LoggerMessage delegates", Justification = "A test double; it logs to be searched for secrets, not for speed.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1873:Avoid potentially expensive logging", Justification = "A test double.")]
internal sealed class InProcessConnector : IConnector, IAsyncDisposable
{
    public const int PageSize = 20;

    public const int Attempts = 3;

    public static readonly ConnectorId Id = new("inprocess");

    public static readonly ForeignNumberLabel Label = new("inprocsku");

    private readonly InProcessMarketplace _market;
    private readonly ConnectorFlaw _flaws;
    private readonly ILogger _logger;

    public InProcessConnector(InProcessMarketplace market, ILoggerFactory loggerFactory, ConnectorFlaw flaws = ConnectorFlaw.None)
    {
        _market = market;
        _flaws = flaws;
        _logger = loggerFactory.CreateLogger<InProcessConnector>();
        Features = [new StockPart(this), new OrdersPart(this), new StatusPart(this), new PricesPart(this)];
    }

    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "In-process marketplace",
        ChannelKind.Marketplace,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField("url", "URL") { IsMandatory = true, AffectsConnection = true },
                new SettingField("token", "Access token") { IsMandatory = true, IsSecret = true },
            ]),
        ]));

    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>How often it was disposed: once, by whoever owns it.</summary>
    public int Disposals { get; private set; }

    /// <summary>Thrown from <see cref="DisposeAsync"/> when set, as a connector whose disposal fails would.</summary>
    public Exception? DisposalFailure { get; init; }

    public ValueTask DisposeAsync()
    {
        Disposals++;
        return DisposalFailure is null ? ValueTask.CompletedTask : ValueTask.FromException(DisposalFailure);
    }

    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        if (Has(ConnectorFlaw.AcceptsAnyToken))
        {
            return ConnectionCheckResult.Success();
        }

        if (Has(ConnectorFlaw.RefusesWithoutAsking))
        {
            return ConnectionCheckResult.Failure("The token does not look like one of the marketplace's.", "token");
        }

        try
        {
            await CallAsync<JsonElement>(connection, "auth.check", "GET", "/me", null, cancellationToken);
            return ConnectionCheckResult.Success("Connected to the in-process marketplace.");
        }
        catch (MarketplaceCallException ex) when (ex.StatusCode == 401)
        {
            return ConnectionCheckResult.Failure("The marketplace rejected the access token (401).", "token");
        }
        catch (MarketplaceCallException ex)
        {
            return ConnectionCheckResult.Failure($"The marketplace did not answer the check ({ex.StatusCode}).");
        }
    }

    private bool Has(ConnectorFlaw flaw) => (_flaws & flaw) != 0;

    private CancellationToken Honoured(CancellationToken cancellationToken) =>
        Has(ConnectorFlaw.IgnoresCancellation) ? CancellationToken.None : cancellationToken;

    private async ValueTask<T> CallAsync<T>(ConnectionContext connection, string operation, string method, string path, object? body, CancellationToken cancellationToken)
    {
        cancellationToken = Honoured(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var token = (await connection.GetSecretAsync("token", cancellationToken)).Reveal();
        if (Has(ConnectorFlaw.LogsToken))
        {
            _logger.LogInformation("Calling {Operation} {Path} with Authorization: Bearer {Token}", operation, path, token);
        }
        else
        {
            _logger.LogDebug("Calling {Operation} {Path}", operation, path);
        }

        var json = body is null ? null : Wire.Serialize(body);
        var attempts = Has(ConnectorFlaw.SkipsFailedPages) ? 1 : Attempts;
        WireResponse response = new(0, string.Empty);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            response = _market.Send(new WireRequest(operation, method, path, token, json));
            if (response.StatusCode == 200)
            {
                return Wire.Deserialize<T>(response.Body);
            }

            if (response.StatusCode is not (0 or 429 or >= 500))
            {
                break;
            }

            _logger.LogDebug("{Operation} answered {StatusCode}; attempt {Attempt} of {Attempts}", operation, response.StatusCode, attempt, attempts);
        }

        throw new MarketplaceCallException(response.StatusCode, $"{operation} failed with status {response.StatusCode}.");
    }

    private async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = 1;
        while (page <= 1000)
        {
            var (wire, failed) = await ReadPageAsync(connection, new WireOrderQuery(since.ChangedSince.ToUnixTimeMilliseconds(), page, PageSize), cancellationToken);
            if (failed)
            {
                page++;
                continue;
            }

            if (wire is null)
            {
                yield break;
            }

            var (orders, unreadable) = Map(wire.Orders);
            if (wire.Orders.Length > 0)
            {
                yield return new OrderPage(orders, unreadable, new OrderCursor(Instant.FromUnixTimeMilliseconds(wire.Orders.Max(o => o.UpdatedAt))));
            }

            if (wire.NextPage is not { } next || Has(ConnectorFlaw.IgnoresPagination))
            {
                yield break;
            }

            page = next;
        }
    }

    private async ValueTask<(WireOrderPage? Page, bool Failed)> ReadPageAsync(ConnectionContext connection, WireOrderQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return (await CallAsync<WireOrderPage>(connection, "orders.list", "GET", $"/orders?page={query.Page}", query, cancellationToken), false);
        }
        catch (JsonException) when (Has(ConnectorFlaw.TakesMalformedAsEmpty))
        {
            return (null, false);
        }
        catch (MarketplaceCallException) when (Has(ConnectorFlaw.SkipsFailedPages) && query.Page < 10)
        {
            return (null, true);
        }
    }

    private async ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        var wire = await CallAsync<WireOrder[]>(connection, "orders.get", "GET", "/orders/by-number", new WireLookup(orderNumbers.ToArray()), cancellationToken);
        var (orders, unreadable) = Map(wire);
        var answered = wire.Select(o => o.Number).ToHashSet(StringComparer.Ordinal);
        return new OrderLookupResult(orders, orderNumbers.Where(n => !answered.Contains(n)).ToArray(), unreadable);
    }

    private (MarketplaceOrder[] Orders, UnreadableOrder[] Unreadable) Map(IEnumerable<WireOrder> wire)
    {
        var orders = new List<MarketplaceOrder>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var order in wire)
        {
            try
            {
                orders.Add(Map(order));
            }
            catch (ArgumentException ex)
            {
                unreadable.Add(new UnreadableOrder(order.Number, ex.Message));
            }
        }

        return (orders.ToArray(), unreadable.ToArray());
    }

    private MarketplaceOrder Map(WireOrder order)
    {
        var currency = new CurrencyCode(order.Currency);
        Money Amount(decimal amount) => new(amount, currency);
        Money? Optional(decimal? amount) => amount is { } a ? new Money(a, currency) : null;
        return new MarketplaceOrder
        {
            OrderNumber = order.Number,
            MarketplaceOrderId = order.Id,
            CreatedAt = Instant.FromUnixTimeMilliseconds(order.CreatedAt),
            UpdatedAt = Instant.FromUnixTimeMilliseconds(order.UpdatedAt),
            Currency = currency,
            Status = new OrderStatus(order.Status),
            PricesIncludeTax = order.Gross,
            ShippingCost = Amount(order.Shipping),
            ShippingTax = Optional(order.ShippingTax),
            Total = Optional(order.Total),
            BillingAddress = Map(order.Billing),
            ShippingAddress = Map(order.Delivery),
            BuyerEmail = order.Email,
            PaymentMethod = order.Payment,
            Lines = order.Lines.Select((l, i) => new OrderLine
            {
                LineId = Has(ConnectorFlaw.RenumbersLines) ? (i + 1).ToString(CultureInfo.InvariantCulture) : l.Id,
                ForeignNumber = l.ItemId is null ? null : new ForeignNumber(Label, l.ItemId),
                Sku = Has(ConnectorFlaw.DropsLineSku) ? null : l.SellerSku,
                Title = l.Title,
                Quantity = l.Quantity,
                UnitPrice = Amount(Has(ConnectorFlaw.UnitPriceAsLineTotal) ? l.LineTotal : l.UnitPrice),
                TaxRate = l.TaxRate,
                TaxAmount = Optional(l.TaxAmount),
                Discount = Optional(l.Discount),
            }).ToArray(),
        };
    }

    private static Address? Map(WireAddress? address) => address is null
        ? null
        : new Address
        {
            Name = address.Name,
            Company = address.Company,
            Street = address.Street,
            AddressLine2 = address.Line2,
            PostalCode = address.Zip,
            City = address.City,
            Region = address.Region,
            CountryCode = address.Country,
            Phone = address.Phone,
        };

    private async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        var items = batch.Select(u => new WireStock(u.ForeignNumber.Value, Has(ConnectorFlaw.SendsZeroStock) ? 0 : u.Quantity)).ToArray();
        WireStockResult[] results;
        try
        {
            results = await CallAsync<WireStockResult[]>(connection, "stock.update", "POST", "/stock", items, cancellationToken);
        }
        catch (MarketplaceCallException) when (Has(ConnectorFlaw.ReportsFailedStockAsSent))
        {
            return BatchResult.Success(batch.Select(u => u.ArticleNumber));
        }

        var byItem = results.ToDictionary(r => r.ItemId, StringComparer.Ordinal);
        return new BatchResult(batch.Select(u => byItem.TryGetValue(u.ForeignNumber.Value, out var r) && r.Ok
            ? RecordResult.Success(u.ArticleNumber)
            : RecordResult.Failure(u.ArticleNumber, byItem.TryGetValue(u.ForeignNumber.Value, out var failed) ? failed.Error ?? "rejected" : "no answer for this item")));
    }

    private async ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
    {
        var shop = await CallAsync<WireShop>(connection, "shop.get", "GET", "/shop", null, cancellationToken);
        var refusals = batch
            .Select(u => (u.ArticleNumber, Refusal: Refusal(u, shop)))
            .Where(r => r.Refusal is not null)
            .ToDictionary(r => r.ArticleNumber, r => r.Refusal!, StringComparer.Ordinal);
        var items = batch.Where(u => !refusals.ContainsKey(u.ArticleNumber)).Select(u => new WirePrice(
            u.ForeignNumber.Value,
            u.Price.Amount,
            Has(ConnectorFlaw.DropsCompareAt) || Has(ConnectorFlaw.WarnsCompareAtAway) ? null : u.CompareAtPrice?.Amount,
            Has(ConnectorFlaw.RewritesCurrency) ? shop.Currency : u.Price.Currency.Value)).ToArray();
        var results = items.Length == 0 ? [] : await CallAsync<WireStockResult[]>(connection, "prices.update", "POST", "/prices", items, cancellationToken);
        var byItem = results.ToDictionary(r => r.ItemId, StringComparer.Ordinal);
        return new BatchResult(batch.Select(u => refusals.TryGetValue(u.ArticleNumber, out var refusal)
            ? RecordResult.Failure(u.ArticleNumber, refusal)
            : byItem.TryGetValue(u.ForeignNumber.Value, out var r) && r.Ok
            ? Sent(u)
            : RecordResult.Failure(u.ArticleNumber, byItem.TryGetValue(u.ForeignNumber.Value, out var failed) ? failed.Error ?? "rejected" : "no answer for this item")));
    }

    // The shop neither converts a currency nor takes gross for net: such a price is refused here, not sent.
    private string? Refusal(PriceUpdate update, WireShop shop)
    {
        var amounts = update.CompareAtPrice is { } compareAt ? new[] { update.Price, compareAt } : [update.Price];
        var elsewhere = amounts.Where(a => a.Currency.Value != shop.Currency).ToArray();
        if (!Has(ConnectorFlaw.RewritesCurrency) && elsewhere.Length > 0)
        {
            return $"price of article {update.ArticleNumber} ({update.ForeignNumber.Value}) is in {elsewhere[0].Currency}, but the shop sells in {shop.Currency}; prices are never converted";
        }

        if (!Has(ConnectorFlaw.IgnoresBasis) && shop.PricesIncludeTax is { } gross && gross != (update.Basis == PriceBasis.Gross))
        {
            return $"price of article {update.ArticleNumber} ({update.ForeignNumber.Value}) is {(gross ? "net" : "gross")}, but the shop takes prices {(gross ? "with" : "without")} tax; prices are never converted";
        }

        return null;
    }

    private RecordResult Sent(PriceUpdate update) =>
        Has(ConnectorFlaw.ReportsAppliedPricesAsFailed)
            ? RecordResult.Failure(update.ArticleNumber, "the marketplace did not confirm the price")
            : Has(ConnectorFlaw.WarnsCompareAtAway) && update.CompareAtPrice is { } compareAt
                ? new RecordResult(update.ArticleNumber, RecordOutcome.Warning, $"compare-at price {compareAt} not published: the marketplace has none")
                : Has(ConnectorFlaw.WarnsOnEveryPrice)
                    ? new RecordResult(update.ArticleNumber, RecordOutcome.Warning, "the marketplace may show the price late")
                    : RecordResult.Success(update.ArticleNumber);

    private async ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        var existing = await CallAsync<WireShipment[]>(connection, "shipments.list", "GET", $"/orders/{update.OrderNumber}/shipments", new WireLookup([update.OrderNumber]), cancellationToken);
        foreach (var shipment in update.Shipments.Where(s => Has(ConnectorFlaw.ResendsShipments) || existing.All(e => e.Tracking != s.TrackingNumber)))
        {
            var wire = new WireShipment(update.OrderNumber, shipment.TrackingNumber, shipment.Carrier.Value, shipment.Lines.Select(l => new WireShippedLine(l.LineId, l.Quantity)).ToArray());
            await CallAsync<JsonElement>(connection, "shipments.create", "POST", $"/orders/{update.OrderNumber}/shipments", wire, cancellationToken);
        }

        await CallAsync<JsonElement>(connection, "orders.status", "PUT", $"/orders/{update.OrderNumber}/status", new WireStatus(update.OrderNumber, update.Status.Value), cancellationToken);
        return RecordResult.Success(update.OrderNumber);
    }

    private sealed class StockPart(InProcessConnector connector) : IStockFeature
    {
        public FeatureKind Kind => FeatureKind.Stock;

        public int MaxBatchSize => 50;

        public ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken) =>
            connector.PushStockAsync(connection, batch, cancellationToken);
    }

    private sealed class PricesPart(InProcessConnector connector) : IPriceFeature
    {
        public FeatureKind Kind => FeatureKind.Prices;

        public int MaxBatchSize => 50;

        public ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken) =>
            connector.PushPricesAsync(connection, batch, cancellationToken);
    }

    private sealed class OrdersPart(InProcessConnector connector) : IOrdersFeature
    {
        public FeatureKind Kind => FeatureKind.Orders;

        public IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, CancellationToken cancellationToken) =>
            connector.FetchChangedOrdersAsync(connection, since, cancellationToken);

        public ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken) =>
            connector.FetchOrdersByNumberAsync(connection, orderNumbers, cancellationToken);
    }

    private sealed class StatusPart(InProcessConnector connector) : IOrderStatusFeature
    {
        public FeatureKind Kind => FeatureKind.OrderStatus;

        public ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken) =>
            connector.ExportOrderStatusAsync(connection, update, cancellationToken);
    }
}
