using System.Globalization;
using Connect.Sdk.Storage.Relational;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// The shared layer's commands and conversions (<see cref="RelationalCommands"/>) typed for Npgsql, for the stores that
/// still work on <see cref="NpgsqlConnection"/> itself, and what only PostgreSQL has (the server's clock, typed parameters).
/// </summary>
internal static class PostgreSqlCommands
{
    /// <summary>
    /// The database server's clock as stored instants (Unix ticks of 100 ns), for SQL that judges time by the database
    /// rather than by the calling worker.
    /// </summary>
    public const string DatabaseNowTicks = "(EXTRACT(EPOCH FROM clock_timestamp()) * 10000000)::bigint";

    /// <summary>Creates a command on a connection, inside a transaction when one is given.</summary>
    public static NpgsqlCommand Command(this NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        (NpgsqlCommand)RelationalCommands.Command(connection, transaction, sql);

    /// <summary>
    /// Adds a parameter whose type follows from its value; <see langword="null"/> is sent untyped, for the server to
    /// infer from the column or comparison (use the typed overload where it cannot, e.g. <c>@x IS NULL</c>).
    /// </summary>
    public static NpgsqlCommand With(this NpgsqlCommand command, string name, object? value) =>
        (NpgsqlCommand)RelationalCommands.With(command, name, value);

    /// <summary>Adds a parameter of a given type; <see langword="null"/> is stored as SQL NULL.</summary>
    public static NpgsqlCommand With(this NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }

    /// <summary>
    /// Instants are stored as Unix ticks (100 ns) in <c>bigint</c>: exact to the tick like the SQLite store (a
    /// <c>timestamptz</c> keeps microseconds only), and they sort and compare as integers.
    /// </summary>
    public static long ToStored(this Instant instant) => RelationalCommands.ToStored(instant);

    /// <summary>Stores a nullable instant as by <see cref="ToStored(Instant)"/>.</summary>
    public static long? ToStored(this Instant? instant) => instant?.ToUnixTimeTicks();

    /// <summary>Reads an instant stored by <see cref="ToStored(Instant)"/>.</summary>
    public static Instant GetInstant(this NpgsqlDataReader reader, int ordinal) => RelationalCommands.GetInstant(reader, ordinal);

    /// <summary>Reads a nullable instant stored by <see cref="ToStored(Instant)"/>.</summary>
    public static Instant? GetNullableInstant(this NpgsqlDataReader reader, int ordinal) => RelationalCommands.GetNullableInstant(reader, ordinal);

    /// <summary>Reads a nullable string.</summary>
    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) => RelationalCommands.GetNullableString(reader, ordinal);

    /// <summary>Formats a number for a message, independent of the culture.</summary>
    public static string Invariant(this long value) => value.ToString(CultureInfo.InvariantCulture);
}
