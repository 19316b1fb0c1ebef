using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// Settings of the hosted scheduler (the process starter), validated at start-up. The defaults suit one worker
/// process serving a few hundred connections.
/// </summary>
public sealed class HostedSchedulerOptions
{
    /// <summary>
    /// How many work items run at once in this process. Runs mostly wait on marketplaces, so the default (4) does not
    /// follow the processor count; between 1 and 256. Two items of one connection never run at once, whatever this says.
    /// </summary>
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>
    /// How often the scheduler asks the engine what is due even when nothing is scheduled sooner, so that a user's
    /// action in the journal or an ERP change reported by another process is noticed within this time. Default
    /// 10 seconds; between 1 second and 1 hour.
    /// </summary>
    public Duration PollInterval { get; set; } = Duration.FromSeconds(10);

    /// <summary>
    /// The window over which scheduled and event work that becomes due at the same moment is spread, so that a
    /// hundred connections due at once do not all call their marketplaces in the same second. Each connection and
    /// kind of work gets a fixed offset within the window; manual work from the journal is not delayed. Default
    /// 10 seconds; between zero (no spread) and 1 hour.
    /// </summary>
    public Duration StartSpread { get; set; } = Duration.FromSeconds(10);

    /// <summary>
    /// How long runs in flight may go on after the host asks the scheduler to stop; then they are cancelled (the
    /// engine releases their leases and journals what they reached). Keep it below the host's own shutdown timeout
    /// (<c>HostOptions.ShutdownTimeout</c>, 30 seconds by default). Default 15 seconds; between zero and 10 minutes.
    /// </summary>
    public Duration ShutdownGracePeriod { get; set; } = Duration.FromSeconds(15);

    /// <summary>
    /// How often due alerts are delivered (<c>AlertDispatcher.DispatchDueAsync</c>). Default 1 minute; between
    /// 1 second and 1 day.
    /// </summary>
    public Duration AlertDispatchInterval { get; set; } = Duration.FromMinutes(1);

    /// <summary>
    /// The longest wait between attempts while asking the engine what is due keeps failing (a store is down): the
    /// wait starts at <see cref="PollInterval"/> and doubles with each failure up to this (never below the poll
    /// interval). Default 5 minutes; between 1 second and 1 hour.
    /// </summary>
    public Duration MaxPlanningBackoff { get; set; } = Duration.FromMinutes(5);
}
