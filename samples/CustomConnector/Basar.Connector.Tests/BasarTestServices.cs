using Basar.Connector.DependencyInjection;
using Connect.Sdk.Connectors;
using Connect.Sdk.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Basar.Connector.Tests;

/// <summary>
/// The connector as a host gets it, <c>AddConnectSdk().AddBasar()</c>, on fake time that is driven while the test runs:
/// the HTTP client's retries and pacing wait no real time, and no timeout fires while a request is on the wire.
/// </summary>
internal sealed class BasarTestServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly BackgroundDrive _drive;

    public BasarTestServices()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().AddBasar();
        services.UseFakeTime(Time);
        _provider = services.BuildServiceProvider();
        Connector = _provider.GetServices<IConnector>().OfType<BasarConnector>().Single();
        _drive = Time.DriveInBackground();
    }

    public WaitAwareFakeTime Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public BasarConnector Connector { get; }

    public async ValueTask DisposeAsync()
    {
        await _drive.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
