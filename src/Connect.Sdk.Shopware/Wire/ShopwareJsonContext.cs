using System.Text.Json.Serialization;

namespace Connect.Sdk.Shopware.Wire;

/// <summary>The source-generated serializer context of every wire type (camelCase, nulls left out unless marked).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TokenRequestJson))]
[JsonSerializable(typeof(TokenJson))]
[JsonSerializable(typeof(ErrorsJson))]
[JsonSerializable(typeof(VersionJson))]
[JsonSerializable(typeof(ProductSearchJson))]
[JsonSerializable(typeof(SyncOperationJson[]))]
[JsonSerializable(typeof(CurrencySearchJson))]
[JsonSerializable(typeof(CustomerGroupSearchJson))]
[JsonSerializable(typeof(OrderSearchJson))]
[JsonSerializable(typeof(OrderJson))]
[JsonSerializable(typeof(DeliveryUpdateJson))]
[JsonSerializable(typeof(IReadOnlyList<ParcelJson>))]
internal sealed partial class ShopwareJsonContext : JsonSerializerContext;
