using Connect.Sdk.Features;
using Connect.Sdk.Settings;
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
    // Hidden whenever a transition is made — by the state machine, or read back from any store — so history written
    // before credentials in addresses were refused shows none either.
    private readonly string _from = UrlCredentials.Hide(From);
    private readonly string _to = UrlCredentials.Hide(To);
    private readonly string? _detail = Detail is null ? null : UrlCredentials.Hide(Detail);

    /// <summary>The value before, e.g. <c>Test</c>, <c>Off</c>, <c>NotChecked</c>, or <c>(not set)</c>; credentials in an address show as <c>***</c>.</summary>
    public string From { get => _from; init => _from = UrlCredentials.Hide(value); }

    /// <summary>The value after; credentials in an address show as <c>***</c>.</summary>
    public string To { get => _to; init => _to = UrlCredentials.Hide(value); }

    /// <summary>More about the change: the setting key, or what a check found; credentials in an address show as <c>***</c>.</summary>
    public string? Detail { get => _detail; init => _detail = value is null ? null : UrlCredentials.Hide(value); }

    /// <inheritdoc />
    public override string ToString() =>
        $"{At} {ConnectionId} {Change}{(Feature is { } f ? $" {f}" : string.Empty)}: {From} -> {To} by {Actor}{(Detail is null ? string.Empty : $" ({Detail})")}";
}
