using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// One worker process: a generic host with the hosted scheduler on the shared database. It runs until its standard
/// input closes (the test's graceful stop) or the host is told to stop (Ctrl+C, SIGTERM), then drains its runs.
/// </summary>
internal static class WorkerProgram
{
    public static async Task<int> RunAsync(ScalingSettings settings)
    {
        var worker = new WorkerIdentity(settings.WorkerId, Environment.ProcessId);
        await using var dataSource = NpgsqlDataSource.Create(ScalingSettings.Database);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ScalingSdk.Add(builder.Services, dataSource, worker, settings)
            .AddHostedScheduler(o =>
            {
                o.MaxConcurrentRuns = settings.MaxConcurrentRuns;
                o.PollInterval = Duration.FromSeconds(settings.PollSeconds);
                o.StartSpread = Duration.Zero;
                o.ShutdownGracePeriod = Duration.FromSeconds(10);
            });
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"worker {worker.Id} (pid {worker.ProcessId}) started");
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        await Task.WhenAny(Console.In.ReadToEndAsync(lifetime.ApplicationStopping), Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping));
        await host.StopAsync();
        Console.WriteLine($"worker {worker.Id} stopped");
        return 0;
    }
}
