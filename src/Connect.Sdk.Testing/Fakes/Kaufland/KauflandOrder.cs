using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>An order on the fake: the order-level fields of the Seller API's <c>OrderDetails</c> and its order units.</summary>
internal sealed class KauflandOrder
{
    public required string IdOrder { get; init; }

    public required Instant Created { get; init; }

    public required JsonObject Buyer { get; init; }

    public JsonObject? BillingAddress { get; init; }

    public JsonObject? ShippingAddress { get; init; }

    public List<KauflandOrderUnit> Units { get; } = [];
}
