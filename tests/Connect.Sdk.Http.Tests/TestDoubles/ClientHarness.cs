using Connect.Sdk.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Connect.Sdk.Http.Tests.TestDoubles;

/// <summary>A service provider with marketplace clients whose primary handlers are stubs, on fake time, logging to a fake logger.</summary>
internal sealed class ClientHarness : IDisposable
{
    private readonly ServiceCollection _services = new();
    private readonly Dictionary<string, StubMarketplace> _stubs = new(StringComparer.Ordinal);
    private ServiceProvider? _provider;

    public ClientHarness()
    {
        _services.AddSingleton<TimeProvider>(Time);
        _services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    public WaitAwareFakeTime Time { get; } = FakeTime.Create();

    public FakeLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _provider ??= _services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    public StubMarketplace Add(string name, Action<MarketplaceHttpClientOptions>? configure = null)
    {
        var stub = new StubMarketplace(Time);
        _stubs[name] = stub;
        Add(name, stub, configure);
        return stub;
    }

    /// <summary>A client whose primary handler is <paramref name="marketplace"/>, e.g. one shared by several clients.</summary>
    public void Add(string name, HttpMessageHandler marketplace, Action<MarketplaceHttpClientOptions>? configure = null) =>
        _services.AddMarketplaceHttpClient(name, options =>
        {
            options.BaseAddress = new Uri("https://marketplace.test/");
            configure?.Invoke(options);
        }).ConfigurePrimaryHttpMessageHandler(() => marketplace);

    public HttpClient Client(string name) => Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    public Task<HttpResponseMessage> SendAsync(string name, HttpRequestMessage request) => Client(name).SendAsync(request);

    public void Dispose()
    {
        _provider?.Dispose();
        Logs.Dispose();
    }
}
