using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// How records too rich for columns (an order's lines and addresses, a journal entry's details) are kept: as
/// JSON with NodaTime's ISO formats, so the stored text stays readable in any SQLite tool.
/// </summary>
internal static class SqliteJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored JSON for a {typeof(T).Name} is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General) { WriteIndented = false };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
