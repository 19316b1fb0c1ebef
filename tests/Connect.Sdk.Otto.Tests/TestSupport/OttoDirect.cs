using Connect.Sdk.Connectors;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Otto;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Otto.Tests.TestSupport;

/// <summary>The connector's features called directly against the fake, on real time, with an optional transport of the test's.</summary>
internal sealed class OttoDirect : IAsyncDisposable
{
    private OttoDirect(OttoMarketFake fake, ServiceProvider services, ConnectionContext context)
    {
        Fake = fake;
        Services = services;
        Context = context;
    }

    public OttoMarketFake Fake { get; }

    public ServiceProvider Services { get; }

    public ConnectionContext Context { get; }

    public static async Task<OttoDirect> StartAsync(Func<DelegatingHandler>? transport = null, MarketplaceFakeOptions? options = null, Func<Uri, Lifecycle.SettingsUpdate>? settings = null)
    {
        var fake = OttoMarketFake.Start(OttoTestKeys.Credentials, options);
        var services = OttoTestServices.Build(AdapterTestLog.CreateFactory(), s =>
        {
            if (transport is not null)
            {
                s.AddHttpClient(OttoClient.ClientName).ConfigurePrimaryHttpMessageHandler(transport);
            }
        });
        var context = await OttoTestServices.ContextAsync(settings?.Invoke(fake.BaseAddress) ?? OttoTestKeys.Settings(fake.BaseAddress));
        return new OttoDirect(fake, services, context);
    }

    public T Feature<T>()
        where T : class => Services.Feature<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
