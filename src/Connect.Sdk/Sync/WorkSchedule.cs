using System.Collections.Frozen;
using Connect.Sdk.Lifecycle;
using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>
/// The schedule state of one kind of work of one connection: when it last ran on the schedule, and which
/// runs were requested (by a user in the journal, or by an ERP change) and not yet started.
/// </summary>
public sealed record WorkSchedule
{
    /// <summary>Creates the state of a kind of work that has never run.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The kind of work.</param>
    public WorkSchedule(ConnectionId connection, WorkKind kind)
    {
        Connection = connection;
        Kind = kind;
    }

    /// <summary>The connection.</summary>
    public ConnectionId Connection { get; }

    /// <summary>The kind of work.</summary>
    public WorkKind Kind { get; }

    /// <summary>When a scheduled run last started; the next one is due an interval later.</summary>
    public Instant? LastScheduledRunAt { get; init; }

    /// <summary>Runs requested and not yet started, by trigger, with the instant of the first request.</summary>
    public IReadOnlyDictionary<SyncTrigger, Instant> Requests { get; init; } = FrozenDictionary<SyncTrigger, Instant>.Empty;

    /// <summary>The store's version, for optimistic concurrency; zero when not stored yet.</summary>
    public long Version { get; init; }

    /// <summary>
    /// Why automatic runs of this work wait for the user, when they do: set when the marketplace refused the
    /// connection's credentials or every record alike; <see langword="null"/> otherwise.
    /// </summary>
    public WorkPause? Pause { get; init; }

    /// <summary>Whether the pause keeps a run of this trigger on this connection from starting now.</summary>
    internal bool IsPausedFor(Connection connection, SyncTrigger trigger) =>
        Pause is { } pause && WorkPause.Blocks(trigger) && pause.HoldsFor(connection);

    /// <summary>
    /// Returns the state with a run requested from an instant on. Of two requests for the same trigger the
    /// earlier wins, so a user's "now" is not held back by a delayed retry the engine asked for.
    /// </summary>
    /// <param name="trigger">Why the run is requested.</param>
    /// <param name="at">When the run becomes due.</param>
    /// <returns>The changed state, or this one when an earlier request was already there.</returns>
    internal WorkSchedule WithRequest(SyncTrigger trigger, Instant at) =>
        Requests.TryGetValue(trigger, out var existing) && existing <= at
            ? this
            : this with { Requests = Requests.Where(r => r.Key != trigger).Append(new(trigger, at)).ToFrozenDictionary() };

    /// <summary>
    /// Returns the state after a run started: its request is consumed unless it came in after the start
    /// (a change during a run gets a run of its own), and a scheduled run moves the schedule on.
    /// </summary>
    /// <param name="trigger">The trigger of the run.</param>
    /// <param name="startedAt">When the run started.</param>
    /// <returns>The changed state.</returns>
    internal WorkSchedule WithRunStarted(SyncTrigger trigger, Instant startedAt) => this with
    {
        Requests = Requests.Where(r => r.Key != trigger || r.Value > startedAt).ToFrozenDictionary(),
        LastScheduledRunAt = trigger == SyncTrigger.Scheduled ? startedAt : LastScheduledRunAt,
    };
}
