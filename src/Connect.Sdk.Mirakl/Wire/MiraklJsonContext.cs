using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>The source-generated serializers of the connector's wire types: no reflection, trimming-safe.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(MiraklOrderJson))]
[JsonSerializable(typeof(MiraklOrderListJson))]
[JsonSerializable(typeof(MiraklAcceptJson))]
[JsonSerializable(typeof(MiraklTrackingJson))]
[JsonSerializable(typeof(MiraklCreateShipmentsJson))]
[JsonSerializable(typeof(MiraklCreatedShipmentsJson))]
[JsonSerializable(typeof(MiraklShipmentListJson))]
[JsonSerializable(typeof(MiraklImportStatusJson))]
[JsonSerializable(typeof(MiraklPricingImportsJson))]
[JsonSerializable(typeof(MiraklImportCreatedJson))]
[JsonSerializable(typeof(MiraklAccountJson))]
[JsonSerializable(typeof(MiraklErrorJson))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class MiraklJsonContext : JsonSerializerContext;
