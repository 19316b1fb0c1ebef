using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// Measures <see cref="DatabaseServerClock"/>'s offset when the host starts, before the scheduler plans (a database that
/// cannot be reached stops start-up, as the stores' migration would), and again every
/// <see cref="Interval"/>, since clocks drift apart. A failed re-measurement keeps the offset it had and is logged.
/// </summary>
internal sealed partial class DatabaseClockSynchronization(
    DatabaseServerClock clock,
    IOptions<PostgreSqlStoreOptions> options,
    TimeProvider time,
    ILogger<DatabaseClockSynchronization> logger) : BackgroundService
{
    /// <summary>How often the offset is measured again.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Clock != PostgreSqlClock.Database)
        {
            return;
        }

        await clock.SynchronizeAsync(cancellationToken).ConfigureAwait(false);
        ClockSynchronized(logger, clock.Offset.TotalMilliseconds);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await clock.SynchronizeAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                ClockSynchronizationFailed(logger, ex, clock.Offset.TotalMilliseconds);
            }
        }
    }

    private static async ValueTask<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 9800, Level = LogLevel.Debug, Message = "Planning by the database server's clock: it is {OffsetMilliseconds} ms ahead of this worker's")]
    private static partial void ClockSynchronized(ILogger logger, double offsetMilliseconds);

    [LoggerMessage(EventId = 9801, Level = LogLevel.Warning, Message = "Could not measure the database server's clock again; planning keeps the offset of {OffsetMilliseconds} ms")]
    private static partial void ClockSynchronizationFailed(ILogger logger, Exception exception, double offsetMilliseconds);
}
