using Connect.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// The shared layer's commands and conversions (<see cref="RelationalCommands"/>) typed for Microsoft.Data.Sqlite, for
/// the stores that still work on <see cref="SqliteConnection"/> itself.
/// </summary>
internal static class SqliteCommands
{
    /// <summary>Creates a command on a connection, inside a transaction when one is given.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql) =>
        (SqliteCommand)RelationalCommands.Command(connection, transaction, sql);

    /// <summary>Adds a parameter; <see langword="null"/> is stored as SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value) =>
        (SqliteCommand)RelationalCommands.With(command, name, value);

    /// <summary>Sets a parameter's value, adding the parameter the first time: one prepared statement rebound per row of a batch.</summary>
    public static SqliteCommand Rebind(this SqliteCommand command, string name, object? value) =>
        (SqliteCommand)RelationalCommands.Rebind(command, name, value);

    /// <summary>Instants are stored as Unix ticks (100 ns): they sort and compare as integers in SQL.</summary>
    public static long ToStored(this Instant instant) => RelationalCommands.ToStored(instant);

    /// <summary>Reads an instant stored by <see cref="ToStored(Instant)"/>.</summary>
    public static Instant GetInstant(this SqliteDataReader reader, int ordinal) => RelationalCommands.GetInstant(reader, ordinal);

    /// <summary>Reads a nullable instant stored by <see cref="ToStored(Instant)"/>.</summary>
    public static Instant? GetNullableInstant(this SqliteDataReader reader, int ordinal) => RelationalCommands.GetNullableInstant(reader, ordinal);

    /// <summary>Reads a nullable string.</summary>
    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) => RelationalCommands.GetNullableString(reader, ordinal);
}
