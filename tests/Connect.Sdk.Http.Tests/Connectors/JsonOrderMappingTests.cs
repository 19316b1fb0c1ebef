using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed partial class JsonOrderMappingTests
{
    internal static readonly TryMapOrder<JsonElement> Mapping = JsonOrderMapping.For(WireContext.Default.WireOrder, Map, "Basar");

    [Fact]
    public void For_RequiredFieldMissing_IsUnreadableNamingTheNumberAndTheField()
    {
        Assert.False(Mapping(Parse("""{"number":"1001"}"""), out _, out var unreadable));

        Assert.Equal("1001", unreadable.OrderNumber);
        Assert.Equal("Basar order 1001 could not be read: the required field total is missing", unreadable.Reason);
    }

    [Fact]
    public void For_MapperRefusesAValue_IsUnreadableWithItsMessage()
    {
        Assert.False(Mapping(Parse("""{"number":"1001","total":"12,99"}"""), out _, out var unreadable));

        Assert.Equal("Basar order 1001 could not be read: total '12,99' is not a decimal amount", unreadable.Reason);
    }

    [Fact]
    public void For_NoNumber_IsUnreadableWithAPlaceholder()
    {
        Assert.False(Mapping(Parse("[]"), out _, out var unreadable));

        Assert.Equal("(no number)", unreadable.OrderNumber);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static MarketplaceOrder Map(WireOrder wire) => throw new FormatException($"total '{wire.Total}' is not a decimal amount");

    internal sealed record WireOrder(string Number, string Total);

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true)]
    [JsonSerializable(typeof(WireOrder))]
    [JsonSerializable(typeof(JsonElement))]
    internal sealed partial class WireContext : JsonSerializerContext;
}
