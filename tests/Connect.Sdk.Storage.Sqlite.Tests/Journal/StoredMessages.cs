using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Tests.Journal;

/// <summary>What the SQLite journal's index of distinct messages holds, read straight from the file.</summary>
internal static class StoredMessages
{
    /// <summary>
    /// Asserts that <c>journal_messages</c> holds exactly the distinct folded messages the entries hold, and that its
    /// full-text index agrees with it (FTS5's own integrity check).
    /// </summary>
    public static async Task AssertInStepWithTheEntriesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        Assert.Equal(
            await ReadAsync(connection, "SELECT DISTINCT folded_message FROM journal_entries WHERE folded_message IS NOT NULL ORDER BY 1;"),
            await ReadAsync(connection, "SELECT folded FROM journal_messages ORDER BY 1;"));
        await using var check = connection.CreateCommand();
        check.CommandText = "INSERT INTO journal_message_text (journal_message_text, rank) VALUES ('integrity-check', 1);";
        await check.ExecuteNonQueryAsync();
    }

    /// <summary>The folded messages stored, in order.</summary>
    public static async Task<List<string>> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        return await ReadAsync(connection, "SELECT folded FROM journal_messages ORDER BY 1;");
    }

    private static async Task<List<string>> ReadAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var messages = new List<string>();
        while (await reader.ReadAsync())
        {
            messages.Add(reader.GetString(0));
        }

        return messages;
    }
}
