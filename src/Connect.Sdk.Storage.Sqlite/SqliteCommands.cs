using System.Globalization;
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

    /// <summary>
    /// Decimals (money, percentages, buffers) are stored as their invariant text: exact and with their scale (23.90
    /// stays 23.90), where REAL would round them.
    /// </summary>
    public static string ToStored(this decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stores a nullable decimal as by <see cref="ToStored(decimal)"/>; <see langword="null"/> stays SQL NULL.</summary>
    public static string? ToStored(this decimal? value) => value?.ToStored();

    /// <summary>Reads a decimal stored by <see cref="ToStored(decimal)"/>, scale included.</summary>
    public static decimal GetStoredDecimal(this SqliteDataReader reader, int ordinal) =>
        decimal.Parse(reader.GetString(ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>Reads a nullable decimal stored by <see cref="ToStored(decimal?)"/>.</summary>
    public static decimal? GetNullableStoredDecimal(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetStoredDecimal(ordinal);

    /// <summary>Reads a nullable string.</summary>
    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
