using Connect.Sdk.Features;
using NodaTime;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// One entry of a connection's lifecycle history: who changed what, when, from which value to which.
/// Never holds a secret value.
/// </summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="At">When the change happened.</param>
/// <param name="Actor">Who made the change.</param>
/// <param name="Change">What kind of change it was.</param>
/// <param name="Feature">The feature the change belongs to, for <see cref="LifecycleChange.FeatureModeChanged"/>.</param>
/// <param name="From">The value before, e.g. <c>Test</c>, <c>Off</c>, <c>NotChecked</c>, or <c>(not set)</c>.</param>
/// <param name="To">The value after.</param>
/// <param name="Detail">More about the change: the setting key, or what a check found.</param>
public sealed record LifecycleTransition(
    ConnectionId ConnectionId,
    Instant At,
    Actor Actor,
    LifecycleChange Change,
    FeatureKind? Feature,
    string From,
    string To,
    string? Detail)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{At} {ConnectionId} {Change}{(Feature is { } f ? $" {f}" : string.Empty)}: {From} -> {To} by {Actor}{(Detail is null ? string.Empty : $" ({Detail})")}";
}
