using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Tests.Lifecycle.LifecycleFixtures;

namespace Connect.Sdk.Tests.Lifecycle;

/// <summary>A <see cref="ConnectionLifecycle"/> wired to in-memory stores, a fake connector, a fake clock and a log collector.</summary>
public sealed class LifecycleHarness
{
    public const string Token = "shpat_SECRET-0123456789";

    public LifecycleHarness(IConnectionStore? store = null, FakeConnector? connector = null)
    {
        Store = store ?? new InMemoryConnectionStore();
        Connector = connector ?? new FakeConnector();
        Lifecycle = new ConnectionLifecycle(Store, new ConnectorRegistry([Connector]), Secrets, Clock, new FakeLogger<ConnectionLifecycle>(Logs));
    }

    public FakeClock Clock { get; } = new(T0);

    public IConnectionStore Store { get; }

    public InMemorySecretStore Secrets { get; } = new();

    public FakeConnector Connector { get; }

    public FakeLogCollector Logs { get; } = new();

    public ConnectionLifecycle Lifecycle { get; }

    public static SettingsUpdate FillAll { get; } = SettingsUpdate.Empty
        .Set(ShopUrl, "example.myshopify.com").Set(Warehouse, "main").Set(OrderPrefix, "SHOP-")
        .SetSecret(AccessToken, new SecretValue(Token));

    /// <summary>Created, every mandatory setting filled, check passed, Stock in integration mode; not productive.</summary>
    public async Task<Connection> CreateReadyAsync()
    {
        await Ok(Lifecycle.CreateAsync(Id, Connector.Descriptor.Id, "Shop DE", Alice, default));
        await Ok(Lifecycle.UpdateSettingsAsync(Id, FillAll, Alice, default));
        await Ok(Lifecycle.RunConnectionCheckAsync(Id, Alice, default));
        return await Ok(Lifecycle.SetFeatureModeAsync(Id, FeatureKind.Stock, FeatureMode.Integration, Alice, default));
    }

    public async Task<List<LifecycleTransition>> HistoryAsync()
    {
        var history = new List<LifecycleTransition>();
        await foreach (var t in Store.GetHistoryAsync(Id, default))
        {
            history.Add(t);
        }

        return history;
    }

    public void Tick() => Clock.Advance(Duration.FromMinutes(1));

    public static async Task<Connection> Ok(Task<LifecycleResult> pending)
    {
        var result = await pending;
        Assert.True(result.Succeeded, result.ToString());
        return result.Connection;
    }
}
