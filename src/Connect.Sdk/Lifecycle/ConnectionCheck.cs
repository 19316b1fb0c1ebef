using NodaTime;

namespace Connect.Sdk.Lifecycle;

/// <summary>The last connection check of a connection: its status, when it ran and what it found.</summary>
/// <param name="Status">Whether the check passed, failed or has not run for the current credentials.</param>
/// <param name="At">When the check ran; <see langword="null"/> while <see cref="CheckStatus.NotChecked"/>.</param>
/// <param name="Message">What the check found (never a secret); <see langword="null"/> while <see cref="CheckStatus.NotChecked"/>.</param>
public sealed record ConnectionCheck(CheckStatus Status, Instant? At, string? Message)
{
    /// <summary>No check has run for the current credentials.</summary>
    public static ConnectionCheck NotChecked { get; } = new(CheckStatus.NotChecked, null, null);

    /// <summary>Whether the last check passed.</summary>
    public bool Passed => Status == CheckStatus.Passed;

    /// <inheritdoc />
    public override string ToString() => Status switch
    {
        CheckStatus.NotChecked => "not checked",
        _ => $"{Status} at {At}: {Message}",
    };
}
