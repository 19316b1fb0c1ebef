using Connect.Sdk.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>The connector as an ERP gets it: through <c>AddWooCommerce()</c>, with the real HTTP handler chain.</summary>
internal static class WooTestServices
{
    public static ServiceProvider Build(ILoggerFactory loggerFactory, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(time);
        services.AddConnectSdk().UseInMemoryStores().AddWooCommerce();
        return services.BuildServiceProvider();
    }

    public static WooCommerceConnector Connector(this IServiceProvider services) =>
        services.GetServices<IConnector>().OfType<WooCommerceConnector>().Single();
}
