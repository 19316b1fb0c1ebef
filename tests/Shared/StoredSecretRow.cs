using Microsoft.Data.Sqlite;

namespace Connect.Sdk.TestSupport;

/// <summary>One row of a SQLite store's <c>secrets</c> table as the file holds it: the value protected unless <see cref="Protection"/> is <c>plain</c>.</summary>
internal sealed record StoredSecretRow(string Connection, string Key, string Value, string Protection)
{
    /// <summary>Reads every row of the store's file, read-only and outside the store's own connections.</summary>
    public static async Task<List<StoredSecretRow>> ReadAllAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT connection, setting_key, value, protection FROM secrets ORDER BY connection, setting_key;";
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<StoredSecretRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }
}
