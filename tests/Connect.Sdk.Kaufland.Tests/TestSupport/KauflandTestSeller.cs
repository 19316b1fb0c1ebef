using System.Collections.Concurrent;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Kaufland;
using Connect.Sdk.Testing.Time;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Kaufland.Tests.TestSupport;

/// <summary>
/// A seller's connection against the fake, with the connector as <c>AddKaufland()</c> registers it (the real handler
/// chain and signer), the connector's waits and the fake's rate limit on one fake time, and a log recorded for the
/// credential scan.
/// </summary>
internal sealed class KauflandTestSeller : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log;
    private readonly ServiceProvider _services;

    private KauflandTestSeller(WaitAwareFakeTime time, KauflandFake fake, ServiceProvider services, ConnectionContext context, ConcurrentQueue<string> log)
    {
        Time = time;
        Fake = fake;
        _services = services;
        Context = context;
        _log = log;
    }

    public WaitAwareFakeTime Time { get; }

    public KauflandFake Fake { get; }

    public ConnectionContext Context { get; }

    public KauflandConnector Connector => _services.GetServices<IConnector>().OfType<KauflandConnector>().Single();

    /// <summary>The lines this seller's connector logged.</summary>
    public IReadOnlyList<string> LogLines => [.. _log];

    public static async Task<KauflandTestSeller> StartAsync(string storefront = "de", string? secretKey = null, Action<IServiceCollection>? configure = null)
    {
        var time = new WaitAwareFakeTime(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var fake = KauflandFake.Start(KauflandTestKeys.Keys, new MarketplaceFakeOptions { Clock = new TimeProviderClock(time), DelayTime = time.ServerTime }, storefront);
        var log = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddSingleton(AdapterTestLog.CreateFactory(log));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddConnectSdk().UseInMemoryStores().AddKaufland();
        services.UseFakeTime(time);
        configure?.Invoke(services);
        var context = await ContextAsync(KauflandTestKeys.Settings(fake.ApiAddress, secretKey, storefront));
        return new KauflandTestSeller(time, fake, services.BuildServiceProvider(), context, log);
    }

    public static async Task<ConnectionContext> ContextAsync(SettingsUpdate settings, string connectionId = "kaufland-1")
    {
        var id = new ConnectionId(connectionId);
        var secrets = new InMemorySecretStore();
        foreach (var (key, secret) in settings.Secrets)
        {
            if (secret is not null)
            {
                await secrets.SetAsync(id, key, secret, CancellationToken.None);
            }
        }

        var values = settings.Values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value!));
        return new ConnectionContext(id, ConnectorId.Kaufland, new ConnectionSettings(values, settings.Secrets.Where(s => s.Value is not null).Select(s => s.Key)), secrets);
    }

    public T Feature<T>()
        where T : class, IFeature =>
        Connector.GetFeature<T>() ?? throw new InvalidOperationException($"The connector has no {typeof(T).Name}.");

    /// <summary>Runs work on the fake time, moving it while the work waits for time alone (pacing, Retry-After).</summary>
    public async Task<T> DriveAsync<T>(Func<Task<T>> work)
    {
        await using (Time.DriveInBackground())
        {
            return await work();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
