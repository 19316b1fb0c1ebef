using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace Connect.Sdk.Testing.Time;

/// <summary>Runs a service collection's HTTP clients on <see cref="WaitAwareFakeTime"/>.</summary>
public static class FakeTimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="time"/> as the <see cref="TimeProvider"/> (replacing any other, so call it before or
    /// after <c>AddMarketplaceHttpClient</c>) and puts a <see cref="FakeTimeWireHandler"/> innermost in every
    /// <c>HttpClient</c> of the factory, so that <see cref="WaitAwareFakeTime.DriveInBackground"/> skips pacing and retry
    /// waits and never fires a timeout while a request is on the wire. The fake marketplace's delays belong on
    /// <see cref="WaitAwareFakeTime.ServerTime"/>. Calling it again with the same time adds no second wire handler: each
    /// request counts once on the wire.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="time">The fake time.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection UseFakeTime(this IServiceCollection services, WaitAwareFakeTime time)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(time);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        // Two wire handlers would count each request twice, so a server's wait on ServerTime could never cover it.
        if (!services.Any(d => d.ImplementationInstance is WireFilter filter && filter.Time == time))
        {
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new WireFilter(time));
        }

        return services;
    }

    /// <summary>Adds the wire handler after every other handler a client's configuration adds, so it sits innermost.</summary>
    private sealed class WireFilter(WaitAwareFakeTime time) : IHttpMessageHandlerBuilderFilter
    {
        public WaitAwareFakeTime Time => time;

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            builder.AdditionalHandlers.Add(new FakeTimeWireHandler(time));
        };
    }
}
