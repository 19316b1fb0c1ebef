using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>
/// One change of a journal entry's status ("Verlauf"). A run that ends exactly as the one before it did (same
/// status, same message) is counted on this line as a repeat instead of adding lines, so a record that keeps
/// failing the same way keeps a short history.
/// </summary>
/// <param name="At">When the status changed (the first time, for a repeated change).</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Message">Why, in words a user can act on; never a secret.</param>
public sealed record JournalStatusChange(Instant At, JournalStatus From, JournalStatus To, string? Message)
{
    /// <summary>How many times the same change happened again after <see cref="At"/>; zero when it happened once.</summary>
    public int Repeats { get; init; }

    /// <summary>When the change last happened again; <see langword="null"/> when it happened once.</summary>
    public Instant? LastRepeatedAt { get; init; }

    /// <summary>Whether this change ended in a status with a message.</summary>
    internal bool EndsIn(JournalStatus status, string? message) => To == status && string.Equals(Message, message, StringComparison.Ordinal);

    /// <summary>Returns the change counted once more, at <paramref name="at"/>.</summary>
    internal JournalStatusChange RepeatedAt(Instant at) => this with { Repeats = Repeats + 1, LastRepeatedAt = at };
}
