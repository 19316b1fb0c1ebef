using System.Data;
using System.Data.Common;
using NodaTime;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// Builds commands and converts values the same way in every shared store. Parameters are named <c>@name</c> in the
/// SQL and bound by that name, which Microsoft.Data.Sqlite and Npgsql both accept.
/// </summary>
internal static class RelationalCommands
{
    /// <summary>Creates a command on a connection, inside a transaction when one is given.</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter whose type follows from its value; <see langword="null"/> is SQL NULL.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Sets a parameter's value, adding the parameter the first time: one prepared statement rebound per row of a batch.</summary>
    public static DbCommand Rebind(this DbCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
            return command;
        }

        return command.With(name, value);
    }

    /// <summary>
    /// Adds a parameter of a given type, for a value that may be <see langword="null"/> where the database cannot infer
    /// the type of an untyped NULL.
    /// </summary>
    public static DbCommand With(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Adds a nullable instant, stored as by <see cref="ToStored(Instant)"/>.</summary>
    public static DbCommand With(this DbCommand command, string name, Instant? value) =>
        command.With(name, DbType.Int64, value?.ToStored());

    /// <summary>Adds a JSON document (or <see langword="null"/>) as the dialect's JSON column type wants it.</summary>
    public static DbCommand WithJson(this DbCommand command, SqlDialect dialect, string name, string? json) =>
        dialect.WithJson(command, name, json);

    /// <summary>Adds a decimal (or <see langword="null"/>) as the dialect keeps decimals exactly.</summary>
    public static DbCommand WithDecimal(this DbCommand command, SqlDialect dialect, string name, decimal? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        dialect.SetDecimal(parameter, value);
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Adds a nullable text.</summary>
    public static DbCommand WithText(this DbCommand command, string name, string? value) =>
        command.With(name, DbType.String, value);

    /// <summary>Instants are stored as Unix ticks (100 ns): exact to the tick, and they sort and compare as integers in SQL.</summary>
    public static long ToStored(this Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>Reads an instant stored by <see cref="ToStored(Instant)"/>.</summary>
    public static Instant GetInstant(this DbDataReader reader, int ordinal) => Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    /// <summary>Reads a nullable instant stored by <see cref="ToStored(Instant)"/>.</summary>
    public static Instant? GetNullableInstant(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    /// <summary>Reads a nullable string.</summary>
    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
