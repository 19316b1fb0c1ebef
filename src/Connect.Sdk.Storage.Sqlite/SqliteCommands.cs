using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>Builds commands and converts values the same way in every store.</summary>
internal static class SqliteCommands
{
    /// <summary>Creates a command on a connection, inside a transaction when one is given.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter; <see langword="null"/> is stored as SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Sets a parameter's value, adding the parameter the first time: one prepared statement rebound per row of a batch.</summary>
    public static SqliteCommand Rebind(this SqliteCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
            return command;
        }

        return command.With(name, value);
    }

    /// <summary>Instants are stored as Unix ticks (100 ns): they sort and compare as integers in SQL.</summary>
    public static long ToStored(this Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>Reads an instant stored by <see cref="ToStored(Instant)"/>.</summary>
    public static Instant GetInstant(this SqliteDataReader reader, int ordinal) => Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    /// <summary>Reads a nullable instant stored by <see cref="ToStored(Instant)"/>.</summary>
    public static Instant? GetNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    /// <summary>Reads a nullable string.</summary>
    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
