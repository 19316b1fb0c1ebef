using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>An order as the WooCommerce fake holds it: its REST representation and its notes.</summary>
internal sealed class WooOrder
{
    public required long Id { get; init; }

    public required string Number { get; init; }

    public required Instant Created { get; init; }

    public required Instant Modified { get; set; }

    /// <summary>The order exactly as <c>GET /orders/{id}</c> answers it.</summary>
    public required JsonObject Json { get; init; }

    public List<JsonObject> Notes { get; } = [];

    public string Status => (string?)Json["status"] ?? "pending";
}
