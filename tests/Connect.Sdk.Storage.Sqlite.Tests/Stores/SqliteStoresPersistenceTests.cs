using System.Collections.Frozen;
using Connect.Sdk.Alerts;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>What the stores keep survives closing the file and opening it again, every field of it.</summary>
public sealed class SqliteStoresPersistenceTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task Outbox_EntryWithShipments_SurvivesReopeningTheFile()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var update = new OrderStatusUpdate("1001", "9007199254740993", OrderStatus.PartiallyShipped,
        [
            new Shipment
            {
                ShipmentId = "LS-1",
                Carrier = new Carrier("Swiss Post"),
                TrackingNumber = "99.00.123456.12345678",
                TrackingUrl = new Uri("https://tracking.example.com/?id=99.00.123456.12345678"),
                ShippedAt = T0,
                Lines = [new ShippedLine("18446744073709551615", 2), new ShippedLine("2", 1)],
            },
        ]);
        await using (var first = new DisposableDatabase(_files))
        {
            var outbox = new SqliteOrderStatusOutbox(first.Database);
            var recorded = await outbox.RecordChangeAsync(Shop, update, T0, CancellationToken.None);
            await outbox.MarkHandledAsync(recorded, exported: true, T0 + Duration.FromMinutes(1), lease, CancellationToken.None);
        }

        var read = await new SqliteOrderStatusOutbox(_files.Open()).GetAsync(Shop, "1001", CancellationToken.None);

        Assert.NotNull(read);
        Assert.False(read.IsPending);
        Assert.Equal(T0 + Duration.FromMinutes(1), read.ExportedAt);
        foreach (var stored in new[] { read.Latest, read.LastExported! })
        {
            Assert.Equal(update with { Shipments = [] }, stored with { Shipments = [] });
            var shipment = Assert.Single(stored.Shipments);
            Assert.Equal(update.Shipments[0] with { Lines = [] }, shipment with { Lines = [] });
            Assert.Equal(update.Shipments[0].Lines, shipment.Lines);
        }
    }

    [Fact]
    public async Task AlertSubscription_FullyPopulated_SurvivesReopeningTheFile()
    {
        var subscription = new AlertSubscription
        {
            Id = "ops",
            Name = "Operations",
            Connections = new[] { Shop, new ConnectionId("amazon-fr") }.ToFrozenSet(),
            Severities = new[] { AlertSeverity.Warning, AlertSeverity.Error }.ToFrozenSet(),
            RecordKinds = new[] { RecordKind.Order, RecordKind.OrderStatus }.ToFrozenSet(),
            Frequency = AlertFrequency.DailyDigest,
            DigestTime = new LocalTime(7, 30),
            DigestTimeZone = DateTimeZoneProviders.Tzdb["Europe/Zurich"],
        };
        var state = new AlertDeliveryState
        {
            SubscriptionId = "ops",
            SubscribedAt = T0,
            EvaluatedUntil = T0 + Duration.FromHours(1),
            NextDueAt = T0 + Duration.FromDays(1),
            LastDeliveredAt = T0 + Duration.FromMinutes(5),
            Delivered = new Dictionary<string, Instant> { ["shopify-de/1001"] = T0 }.ToFrozenDictionary(),
        };
        await using (var first = new DisposableDatabase(_files))
        {
            var store = new SqliteAlertSubscriptionStore(first.Database);
            await store.SaveAsync(subscription, CancellationToken.None);
            Assert.NotNull(await store.TrySaveStateAsync(state, CancellationToken.None));
        }

        var reopened = new SqliteAlertSubscriptionStore(_files.Open());
        var read = await reopened.GetAsync("ops", CancellationToken.None);
        var readState = await reopened.GetStateAsync("ops", CancellationToken.None);

        Assert.NotNull(read);
        Assert.True(subscription.Connections.SetEquals(read.Connections));
        Assert.True(subscription.Severities.SetEquals(read.Severities));
        Assert.True(subscription.RecordKinds.SetEquals(read.RecordKinds));
        Assert.Equal(subscription with { Connections = read.Connections, Severities = read.Severities, RecordKinds = read.RecordKinds }, read);
        Assert.NotNull(readState);
        Assert.Equal(1, readState.Version);
        Assert.Equal(state.Delivered, readState.Delivered);
        Assert.Equal(state with { Delivered = readState.Delivered, Version = 1 }, readState);
    }

    [Fact]
    public async Task StockRulesAndSentStock_SurviveReopeningTheFile()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var rules = new StockRules { SafetyBuffer = 0.125m, PublishPercentage = 75, Cap = 1000 };
        await using (var first = new DisposableDatabase(_files))
        {
            await new SqliteStockRulesStore(first.Database).SetAsync(Shop, rules, CancellationToken.None);
            await new SqliteStockSyncStateStore(first.Database).SaveAsync(Shop, [new SentStock("A-1", 5, T0)], lease, CancellationToken.None);
        }

        var reopened = _files.Open();
        var readRules = await new SqliteStockRulesStore(reopened).GetAsync(Shop, CancellationToken.None);

        Assert.Equal(rules, readRules);
        Assert.Equal("0.125", readRules.SafetyBuffer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new SentStock("A-1", 5, T0), (await new SqliteStockSyncStateStore(reopened).GetAsync(Shop, ["A-1", "a-1"], CancellationToken.None))["A-1"]);
    }

    [Fact]
    public async Task SentStock_ArticleNumbersDifferingOnlyInCase_AreDifferentArticles()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var store = new SqliteStockSyncStateStore(_files.Open());
        await store.SaveAsync(Shop, [new SentStock("a-1", 1, T0), new SentStock("A-1", 2, T0)], lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, ["A-1"], CancellationToken.None);

        Assert.Equal(2, Assert.Single(read).Value.Quantity);
    }

    [Fact]
    public async Task Secret_SurvivesReopeningTheFileAndNeverShowsInToString()
    {
        const string Value = "shpat_0123456789abcdef";
        using var keys = new Secrets.SecretKeys();
        await using (var first = new DisposableDatabase(_files))
        {
            var store = new SqliteSecretStore(first.Database, keys.Protector());
            await store.SetAsync(Shop, "apiToken", new SecretValue(Value), CancellationToken.None);
            Assert.DoesNotContain(Value, store.ToString(), StringComparison.Ordinal);
        }

        var read = await new SqliteSecretStore(_files.Open(), keys.Protector()).GetAsync(Shop, "apiToken", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(Value, read.Reveal());
        Assert.DoesNotContain(Value, read.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    /// <summary>A database closed at the end of a block, so the next open is a fresh "process".</summary>
    private sealed class DisposableDatabase(SqliteTestFiles files) : IAsyncDisposable
    {
        public SqliteDatabase Database { get; } = files.Open();

        public ValueTask DisposeAsync()
        {
            Database.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
