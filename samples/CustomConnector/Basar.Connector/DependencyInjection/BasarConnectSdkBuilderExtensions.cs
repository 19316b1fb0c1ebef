using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Basar.Connector.DependencyInjection;

/// <summary>Registers the Basar connector with the SDK: <c>services.AddConnectSdk().AddBasar()</c>.</summary>
public static class BasarConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="BasarConnector"/> (one instance for every Basar connection, logging through the host's
    /// <see cref="ILoggerFactory"/> and waiting on its <see cref="TimeProvider"/> when registered) and its
    /// foreign-number rule, <c>basarofferid</c>. Calling it twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <returns>The builder.</returns>
    #region snippet: connector-registration
    public static ConnectSdkBuilder AddBasar(this ConnectSdkBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnector, BasarConnector>(services => new BasarConnector(
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            services.GetService<TimeProvider>())));
        return builder.ConfigureForeignNumberRules(rules =>
            rules.Find(BasarConnector.Id) is null ? rules.With(BasarConnector.ForeignNumberRule) : rules);
    }
    #endregion
}
