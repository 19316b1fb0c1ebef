using Connect.Sdk.Hosting.Tests.TestDoubles;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

/// <summary>
/// The hosted scheduler wired through <c>AddHostedScheduler</c>, on fake time, driving <see cref="ScriptedWork"/>
/// instead of the engine. Tests move time with <see cref="AdvanceAsync"/>, which fires the loop's timers one by one and
/// waits until the loop is idle again (no sleeps, no polling): every assertion sees the state the loop settled in.
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 8, 0);

    private readonly ServiceProvider _provider;
    private bool _stopped;

    public SchedulerHarness(Action<HostedSchedulerOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Clock = new TimeProviderClock(Time);
        Work = new ScriptedWork(Clock);
        var collection = new ServiceCollection();
        collection.AddMetrics();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<IScheduledWork>(Work);
        collection.AddConnectSdk().UseInMemoryStores().UseClock(Clock).AddHostedScheduler(configure);
        services?.Invoke(collection);
        _provider = collection.BuildServiceProvider();
        Scheduler = (HostedScheduler)_provider.GetServices<IHostedService>().Single();
    }

    public FakeTimeProvider Time { get; } = new(Start.ToDateTimeOffset());

    public IClock Clock { get; }

    public ScriptedWork Work { get; }

    public HostedScheduler Scheduler { get; }

    public IServiceProvider Services => _provider;

    public Instant Now => Clock.GetCurrentInstant();

    public static WorkItem Item(string connection, WorkKind kind = WorkKind.StockSync, SyncTrigger trigger = SyncTrigger.Manual) =>
        new(new ConnectionId(connection), kind, trigger, Start);

    public async Task StartAsync()
    {
        await Scheduler.StartAsync(CancellationToken.None);
        await SettleAsync();
    }

    /// <summary>Starts the scheduler with one manual run of "market-1" due, and returns the hold that keeps that run open.</summary>
    public async Task<RunHold> StartWithOneHeldRunAsync()
    {
        Work.HoldRuns = true;
        var item = Item("market-1");
        Work.AddDue(item);
        await StartAsync();
        return Work.HoldOf(item);
    }

    /// <summary>Asks the scheduler to stop; the returned task ends when it has drained. Settle before moving time.</summary>
    public Task StopAsync()
    {
        _stopped = true;
        return Scheduler.StopAsync(CancellationToken.None);
    }

    /// <summary>Moves fake time to <paramref name="target"/>, firing each of the loop's timers at its moment and settling after each.</summary>
    public async Task AdvanceToAsync(Instant target)
    {
        while (true)
        {
            await SettleAsync();
            var next = Scheduler.Pacer.WaitingUntil;
            var step = next is { } until && until <= target ? until : target;
            if (step <= Now)
            {
                return;
            }

            Time.Advance(TimeSpan.FromTicks((long)Math.Ceiling((step - Now).TotalTicks)));
        }
    }

    public Task AdvanceAsync(Duration by) => AdvanceToAsync(Now + by);

    /// <summary>
    /// Waits (without sleeping or polling) until the loop waits with nothing pending and every run it started is either
    /// held by the test or has ended.
    /// </summary>
    public Task SettleAsync() =>
        Until.HoldsAsync(
            () =>
            {
                var started = Scheduler.InFlight.Started;
                var parked = Work.Parked;
                return started == parked + Scheduler.InFlight.Ended && Scheduler.Pacer.WhenIdle.IsCompleted
                    && Scheduler.InFlight.Started == started && Work.Parked == parked;
            },
            () => [Scheduler.InFlight.NextChange, Work.ParkedChanged.Next, .. PendingIdle(Scheduler)],
            () => $"{Scheduler.InFlight.Started} started, {Work.Parked} held, {Scheduler.InFlight.Ended} ended, idle {Scheduler.Pacer.WhenIdle.IsCompleted}");

    /// <summary>The loop's "idle" signal while it is not idle yet: once idle, it would wake a wait at once, again and again.</summary>
    public static IEnumerable<Task> PendingIdle(HostedScheduler scheduler) =>
        scheduler.Pacer.WhenIdle is { IsCompleted: false } idle ? [idle] : [];

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            foreach (var (_, _, hold) in Work.Started)
            {
                hold.Release();
            }

            await Scheduler.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
    }
}
