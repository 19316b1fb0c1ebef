using System.Collections.Frozen;
using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>
/// An alert subscription ("Alarm"): which connections, which severities (warnings and/or errors) and how
/// often its notifications are delivered. An incident is a journal entry reaching <see cref="JournalStatus.Warning"/>
/// or <see cref="JournalStatus.Failed"/>; each incident is delivered once per subscription.
/// </summary>
public sealed record AlertSubscription
{
    /// <summary>The host's id of the subscription, e.g. a GUID or the ERP's alarm number.</summary>
    public required string Id { get; init; }

    /// <summary>The name users see, e.g. "Order import failures Shopify".</summary>
    public required string Name { get; init; }

    /// <summary>The connections whose incidents are reported; empty means every connection, also ones created later.</summary>
    public IReadOnlySet<ConnectionId> Connections { get; init; } = FrozenSet<ConnectionId>.Empty;

    /// <summary>Which severities are reported: warnings, errors, or both. Default: errors only.</summary>
    public IReadOnlySet<AlertSeverity> Severities { get; init; } = new[] { AlertSeverity.Error }.ToFrozenSet();

    /// <summary>The journal tabs whose incidents are reported (stock, orders, order status); empty means all.</summary>
    public IReadOnlySet<RecordKind> RecordKinds { get; init; } = FrozenSet<RecordKind>.Empty;

    /// <summary>How often notifications are delivered. Default: immediately.</summary>
    public AlertFrequency Frequency { get; init; } = AlertFrequency.Immediately;

    /// <summary>For <see cref="AlertFrequency.DailyDigest"/>: the local time of day the digest is due. Default 08:00.</summary>
    public LocalTime DigestTime { get; init; } = new(8, 0);

    /// <summary>For <see cref="AlertFrequency.DailyDigest"/>: the time zone of <see cref="DigestTime"/>. Default UTC.</summary>
    public DateTimeZone DigestTimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>Whether the subscription reports incidents of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Covers(ConnectionId connection) => Connections.Count == 0 || Connections.Contains(connection);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Id} '{Name}': {string.Join(" and ", Severities.Order())} on {(Connections.Count == 0 ? "every connection" : string.Join(", ", Connections))}, {Frequency}";
}
