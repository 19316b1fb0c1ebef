using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Sdk.Http;

namespace Connect.Sdk.Http.Tests;

/// <summary>What a user reads about a payload that cannot be read: the marketplace's field names, never a .NET type.</summary>
public sealed partial class JsonFieldProblemTests
{
    [Theory]
    [InlineData("""{"lines":[{"sku":"A"}]}""", "the required fields lines[0].line_id, lines[0].quantity are missing")]
    [InlineData("""{"lines":[{"line_id":null,"quantity":1}]}""", "the field lines[0].line_id is null")]
    [InlineData("""{"lines":[{"line_id":"1","quantity":"one"}]}""", "the field lines[0].quantity does not have the documented type")]
    public void Describe_FieldMissingNullOrOfAnotherType_NamesThePathAndNoDotNetType(string json, string expected)
    {
        var problem = Problem(json);

        Assert.True(JsonFieldProblem.IsAboutAField(problem));
        Assert.Equal(expected, JsonFieldProblem.Describe(problem));
    }

    [Fact]
    public void Describe_NoJsonAtAll_IsNotAboutAField_AndSaysWhatTheReaderFound()
    {
        var problem = Problem("<html>Bad gateway</html>");

        Assert.False(JsonFieldProblem.IsAboutAField(problem));
        Assert.Equal("'<' is an invalid start of a value.", JsonFieldProblem.Describe(problem));
    }

    [Fact]
    public void Describe_PascalCaseSpelling_NamesTheFieldAsAmazonSendsIt() =>
        Assert.Equal("the required field PurchaseDate is missing", JsonFieldProblem.Describe(Problem("""{"lines":[]}""", camel: true), JsonFieldProblem.PascalCase));

    private static JsonException Problem(string json, bool camel = false) =>
        Assert.Throws<JsonException>(() => camel ? JsonSerializer.Deserialize(json, CamelContext.Default.TestOrderCamel) : JsonSerializer.Deserialize(json, SnakeContext.Default.TestOrder));

    internal sealed record TestOrder(IReadOnlyList<TestLine> Lines);

    internal sealed record TestLine(string LineId, int Quantity, string? Sku = null);

    internal sealed record TestOrderCamel(string PurchaseDate, IReadOnlyList<TestLine> Lines);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
    [JsonSerializable(typeof(TestOrder))]
    internal sealed partial class SnakeContext : JsonSerializerContext;

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
    [JsonSerializable(typeof(TestOrderCamel))]
    internal sealed partial class CamelContext : JsonSerializerContext;
}
