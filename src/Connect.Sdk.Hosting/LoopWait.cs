using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>Why the scheduler's loop waits, and until when (or until a run ends); reported to tests before each wait.</summary>
internal readonly record struct LoopWait(LoopWaitReason Reason, Instant Until);

/// <summary>The kinds of wait of the scheduler's loop.</summary>
internal enum LoopWaitReason
{
    /// <summary>Until the next due work, the next spread start, the next alert dispatch or the poll interval.</summary>
    Idle,

    /// <summary>After planning failed, until the next attempt.</summary>
    Backoff,

    /// <summary>After stop was requested, until the grace period for runs in flight is over.</summary>
    Grace,
}
