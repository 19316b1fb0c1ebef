using Connect.Sdk.Lifecycle;
using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>
/// A kind of work that automatic runs (scheduled and ERP events) leave alone because its last run showed a failure no
/// retry fixes: the marketplace refused the connection's credentials (every kind is paused), or refused every record of
/// the run's first batch with the same reason (the kinds of that feature). It holds the connection's
/// <see cref="Connection.Version"/> at the time, so that the user's next change of the connection — a passed
/// connection check, changed settings — lifts it without the lifecycle knowing of it; a check that failed since keeps
/// it. <see cref="SyncEngine.ResumeAsync"/> lifts it explicitly, and a run that completes clears the pause of its own
/// kind and of the kinds the same failure paused with it (an equal pause); another failure's pause stays.
/// </summary>
/// <param name="At">When the work was paused.</param>
/// <param name="ConnectionVersion">The connection's version when the work was paused.</param>
public sealed record WorkPause(Instant At, long ConnectionVersion)
{
    /// <summary>Whether the pause still holds for the connection as it is now.</summary>
    /// <param name="connection">The connection's current state.</param>
    /// <returns><see langword="false"/> once the connection changed since the pause, unless a check failed since.</returns>
    public bool HoldsFor(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Version == ConnectionVersion
            || connection.Check is { Status: CheckStatus.Failed, At: { } checkedAt } && checkedAt >= At;
    }

    /// <summary>Whether the pause keeps a run with this trigger from starting: a user's manual run always starts.</summary>
    /// <param name="trigger">The run's trigger.</param>
    /// <returns><see langword="true"/> for scheduled and event runs.</returns>
    public static bool Blocks(SyncTrigger trigger) => trigger != SyncTrigger.Manual;
}
