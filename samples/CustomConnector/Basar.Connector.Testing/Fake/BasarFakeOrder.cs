using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using NodaTime;

namespace Basar.Connector.Fake;

/// <summary>An order as the fake Basar keeps it: its JSON (without shipments), its change time and its parcels.</summary>
internal sealed class BasarFakeOrder
{
    public required string Number { get; init; }

    public required JsonObject Json { get; init; }

    public required Instant UpdatedAt { get; set; }

    /// <summary>Ordered quantity per line id.</summary>
    public required IReadOnlyDictionary<string, int> Ordered { get; init; }

    public List<FakeShipment> Shipments { get; } = [];
}
