using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Storage.Relational.Json;

/// <summary>
/// Stores an <see cref="IReadOnlySet{T}"/> (an alert subscription's connections, severities, record kinds) as a
/// JSON array and reads it back as a frozen set, like the SDK's defaults; System.Text.Json cannot create the
/// interface by itself.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ReadOnlySetJsonConverter<T> : JsonConverter<IReadOnlySet<T>>
{
    public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (JsonSerializer.Deserialize<T[]>(ref reader, options) ?? throw new JsonException($"A stored set of {typeof(T).Name} is null.")).ToFrozenSet();

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
