using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Sdk.Storage.Sqlite.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// How records too rich for columns (an order's lines and addresses, a journal entry's details, settings maps) are
/// kept: as <c>jsonb</c> written with the SQLite store's JSON rules (its converters are compiled in from
/// <c>Connect.Sdk.Storage.Sqlite/Json</c>), so both stores store a record the same way: NodaTime's ISO formats, the
/// SDK's string value types as plain strings read back through their validating constructors, enums by name.
/// </summary>
internal static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored JSON for a {typeof(T).Name} is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General) { WriteIndented = false };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new CurrencyCodeJsonConverter());
        options.Converters.Add(new ConnectionIdJsonConverter());
        options.Converters.Add(new OrderStatusJsonConverter());
        options.Converters.Add(new ForeignNumberLabelJsonConverter());
        options.Converters.Add(new CarrierJsonConverter());
        options.Converters.Add(new ReadOnlySetJsonConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
