using Connect.Sdk.Orders;

namespace Connect.Sdk.Storage.Relational.Json;

/// <summary>Stores an <see cref="OrderStatus"/> as its word, e.g. <c>"shipped"</c>; statuses an adapter made up survive too.</summary>
internal sealed class OrderStatusJsonConverter : StringValueJsonConverter<OrderStatus>
{
    protected override OrderStatus Create(string value) => new(value);

    protected override string ToStored(OrderStatus value) => value.Value;
}
