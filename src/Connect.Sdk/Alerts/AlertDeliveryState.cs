using System.Collections.Frozen;
using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>
/// How far a subscription's alerts have been delivered, kept by the <see cref="IAlertSubscriptionStore"/> beside the
/// subscription. Incidents before <see cref="EvaluatedUntil"/> are done; since several workers' clocks may disagree a
/// little, each evaluation also looks a few minutes further back, and <see cref="Delivered"/> keeps the incidents of
/// that overlap that were delivered, so none is delivered twice.
/// </summary>
public sealed record AlertDeliveryState
{
    /// <summary>The subscription.</summary>
    public required string SubscriptionId { get; init; }

    /// <summary>When the subscription was created: incidents before it are never reported.</summary>
    public required Instant SubscribedAt { get; init; }

    /// <summary>Incidents before this instant have been delivered (or were not reportable); later ones are not yet.</summary>
    public required Instant EvaluatedUntil { get; init; }

    /// <summary>When the subscription is due next: now for immediate ones, the next hour or digest time otherwise.</summary>
    public required Instant NextDueAt { get; init; }

    /// <summary>When a notification was last delivered, if ever.</summary>
    public Instant? LastDeliveredAt { get; init; }

    /// <summary>The ids (<see cref="AlertIncident.Id"/>) of the incidents delivered within the look-back overlap, with their instants.</summary>
    public IReadOnlyDictionary<string, Instant> Delivered { get; init; } = FrozenDictionary<string, Instant>.Empty;

    /// <summary>The store's version, for optimistic concurrency; zero when not stored yet.</summary>
    public long Version { get; init; }
}
