using System.Text.Json;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>The SQLite store's JSON: the rules of <see cref="StoredJson"/>, which the PostgreSQL store shares.</summary>
internal static class SqliteJson
{
    public static JsonSerializerOptions Options => StoredJson.Options;

    public static string Serialize<T>(T value) => StoredJson.Serialize(value);

    public static T Deserialize<T>(string json) => StoredJson.Deserialize<T>(json);
}
