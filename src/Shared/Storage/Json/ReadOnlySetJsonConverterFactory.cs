using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Storage.Relational.Json;

/// <summary>Makes a <see cref="ReadOnlySetJsonConverter{T}"/> for every <see cref="IReadOnlySet{T}"/> property.</summary>
internal sealed class ReadOnlySetJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ReadOnlySetJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}
