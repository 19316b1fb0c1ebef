using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Sdk.Storage.Relational.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// How records too rich for columns (an order's lines and addresses, a journal entry's details, settings maps) are
/// kept: as JSON (text in SQLite, <c>jsonb</c> in PostgreSQL) with NodaTime's ISO formats, so the stored text stays
/// readable in any database tool.
/// </summary>
/// <remarks>
/// The SDK's string-wrapping value types (currency, order status, carrier, foreign-number label, connection id)
/// are written as plain strings and read back through their validating constructors; enums are written by
/// name, so that reordering an enum never changes what a stored row means; read-only sets are JSON arrays.
/// </remarks>
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
