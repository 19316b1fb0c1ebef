using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <summary>One order of the shop as OR11 renders it, and the tracking updates (OR23) it received.</summary>
internal sealed class MiraklOrder
{
    public required string Id { get; init; }

    public required JsonObject Json { get; init; }

    /// <summary>Every OR23 call, oldest first, so that a connector that sends a tracking twice is seen doing it.</summary>
    public List<FakeShipment> Trackings { get; } = [];

    /// <summary>The shipments of the multiple-shipments API (ST01), as ST11 lists them.</summary>
    public List<JsonObject> Shipments { get; } = [];

    public string State => (string?)Json["order_state"] ?? string.Empty;

    public DateTimeOffset Updated => DateTimeOffset.Parse((string)Json["last_updated_date"]!, System.Globalization.CultureInfo.InvariantCulture);

    public DateTimeOffset Created => DateTimeOffset.Parse((string)Json["created_date"]!, System.Globalization.CultureInfo.InvariantCulture);
}
