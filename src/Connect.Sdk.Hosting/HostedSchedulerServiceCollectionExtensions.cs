using System.Diagnostics.Metrics;
using Connect.Sdk.Alerts;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Hosting;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

// Lives in the DI namespace, like the core's AddConnectSdk, so that AddHostedScheduler is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the hosted scheduler to Connect.Sdk.</summary>
public static class HostedSchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Runs the sync engine's due work and delivers due alerts in a hosted background service: the default
    /// scheduler (process starter) of a generic host. Its options are validated when the host starts. Runs are
    /// timed with the registered <see cref="TimeProvider"/> (the system's unless the host registered one).
    /// </summary>
    /// <param name="builder">The SDK's builder from <c>AddConnectSdk</c>.</param>
    /// <param name="configure">Changes the scheduler's options, if needed.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddConnectSdk()
    ///     .AddConnector&lt;MyMarketplaceConnector&gt;()
    ///     .UseSqlite("connect.db")
    ///     .AddHostedScheduler(o =&gt; o.MaxConcurrentRuns = 8);
    /// </code>
    /// </example>
    public static ConnectSdkBuilder AddHostedScheduler(this ConnectSdkBuilder builder, Action<HostedSchedulerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<HostedSchedulerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HostedSchedulerOptions>, HostedSchedulerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScheduledWork>(sp => new EngineWork(sp.GetRequiredService<SyncEngine>(), sp.GetRequiredService<AlertDispatcher>()));
        services.TryAddSingleton(sp => new HostingMetrics(sp.GetService<IMeterFactory>()));

        // TryAddEnumerable keeps a second AddHostedScheduler call from starting a second loop.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HostedScheduler>(sp => new HostedScheduler(
            new DeferredWork(sp.GetRequiredService<IScheduledWork>),
            sp.GetServices<IWorkRunObserver>(),
            sp.GetRequiredService<IOptions<HostedSchedulerOptions>>().Value,
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<HostingMetrics>(),
            // Logging is the host's choice: without AddLogging the scheduler logs nowhere instead of failing to start.
            sp.GetService<ILoggerFactory>()?.CreateLogger<HostedScheduler>() ?? NullLogger<HostedScheduler>.Instance)));
        return builder;
    }
}
