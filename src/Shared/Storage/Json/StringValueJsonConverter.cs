using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Storage.Relational.Json;

/// <summary>
/// Writes a value type that wraps one string (the SDK's extensible enums and ids) as that plain string, and
/// reads it back through the type's validating constructor, so a stored value is checked like any input.
/// </summary>
/// <typeparam name="T">The wrapper type.</typeparam>
internal abstract class StringValueJsonConverter<T> : JsonConverter<T>
{
    /// <summary>Creates the value from its stored string.</summary>
    protected abstract T Create(string value);

    /// <summary>The string the value is stored as.</summary>
    protected abstract string ToStored(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Create(reader.GetString()!)
            : throw new JsonException($"A {typeof(T).Name} is stored as a JSON string, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToStored(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(ToStored(value));
}
