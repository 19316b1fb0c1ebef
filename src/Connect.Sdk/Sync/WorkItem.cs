using Connect.Sdk.Lifecycle;
using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>One piece of work the host's scheduler is asked to run: a kind of work for a connection, and why.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="Kind">What to run.</param>
/// <param name="Trigger">Why: the schedule, a user in the journal, or an ERP change.</param>
/// <param name="DueAt">When it became due.</param>
public sealed record WorkItem(ConnectionId Connection, WorkKind Kind, SyncTrigger Trigger, Instant DueAt)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} for {Connection} ({Trigger}, due {DueAt})";
}
