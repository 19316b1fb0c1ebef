using Connect.Sdk.Storage.Sqlite.Journal;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// One SQL statement prepared on a connection's own SQLite handle (<see cref="SqliteConnection.Handle"/>) and stepped
/// without Microsoft.Data.Sqlite's command and data reader: for the journal's batch reads and history line writes, where
/// those layers cost more than SQLite's own work (a history line read through a data reader took about twice the CPU of
/// one read here). It runs inside whatever transaction the connection has open. A lock another process holds is waited
/// for by SQLite's own busy handler (<c>PRAGMA busy_timeout</c>, <see cref="SqliteStoreOptions.BusyTimeout"/>) and no
/// longer, where a command retried on top of it up to its own timeout. Not thread-safe; dispose it before the
/// connection closes.
/// </summary>
internal sealed class SqliteStatement : IStoredRow, IDisposable
{
    private static readonly string[] ParameterPrefixes = ["$", ":", "@"];

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private SqliteStatement(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary>Prepares one statement on an open connection.</summary>
    /// <exception cref="SqliteException">SQLite refused the statement.</exception>
    /// <exception cref="ArgumentException">The text holds more than one statement.</exception>
    public static SqliteStatement Prepare(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement, out var tail);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        if (statement is null || statement.IsInvalid || !string.IsNullOrWhiteSpace(tail))
        {
            statement?.Dispose();
            throw new ArgumentException("A SqliteStatement holds exactly one SQL statement.", nameof(sql));
        }

        return new SqliteStatement(db, statement);
    }

    /// <summary>
    /// Prepares a command's statement with its parameters bound as the command would bind them (by name; a parameter the
    /// statement does not use is left out, and one it uses must have a value): how the journal's reads, written as
    /// commands, run without the data reader.
    /// </summary>
    /// <exception cref="InvalidOperationException">The statement uses a parameter the command has no value for.</exception>
    /// <exception cref="NotSupportedException">A parameter's value is of a type the journal never binds.</exception>
    public static SqliteStatement Prepare(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var statement = Prepare(command.Connection ?? throw new InvalidOperationException("The command has no connection."), command.CommandText);
        try
        {
            var bound = new bool[raw.sqlite3_bind_parameter_count(statement._statement) + 1];
            foreach (SqliteParameter parameter in command.Parameters)
            {
                if (statement.IndexOf(parameter.ParameterName) is var index and > 0)
                {
                    statement.Bind(index, parameter.Value);
                    bound[index] = true;
                }
            }

            for (var index = 1; index < bound.Length; index++)
            {
                if (!bound[index])
                {
                    throw new InvalidOperationException($"The statement's parameter {raw.sqlite3_bind_parameter_name(statement._statement, index).utf8_to_string()} has no value.");
                }
            }

            return statement;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>The index of a named parameter (<c>$name</c>), for the <c>Bind</c> methods.</summary>
    /// <exception cref="ArgumentException">The statement has no such parameter.</exception>
    public int ParameterIndex(string name) =>
        IndexOf(name) is var index and > 0 ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));

    /// <summary>Binds an integer.</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Binds an integer or SQL NULL.</summary>
    public void Bind(int index, long? value)
    {
        if (value is { } number)
        {
            Bind(index, number);
        }
        else
        {
            BindNull(index);
        }
    }

    /// <summary>Binds a text or SQL NULL.</summary>
    public void Bind(int index, string? value) => Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    /// <summary>Binds bytes as a blob (a JSON document in UTF-8, which the statement casts to text).</summary>
    public void Bind(int index, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Check(raw.sqlite3_bind_blob(_statement, index, value));
    }

    /// <summary>Binds SQL NULL.</summary>
    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    /// <summary>Runs the statement to its next row.</summary>
    /// <returns>Whether it stands on a row; <see langword="false"/> when it is done.</returns>
    /// <exception cref="SqliteException">SQLite failed, for example on a constraint.</exception>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            // A failed step leaves the statement to be reset before it can run again.
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return false;
    }

    /// <summary>Makes the statement ready to run again, with new values bound or the same ones, before it has run to its end.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>Runs a statement that returns no rows once, and makes it ready to run again with new values.</summary>
    /// <returns>
    /// How many rows it inserted, updated or deleted, not counting those of triggers (SQLite's count of the last such
    /// statement: for one that is neither, or returns rows, it is not this statement's).
    /// </returns>
    public int Execute()
    {
        Step();
        raw.sqlite3_reset(_statement);
        return raw.sqlite3_changes(_db);
    }

    /// <inheritdoc />
    public bool IsNull(int ordinal) => raw.sqlite3_column_type(_statement, ordinal) == raw.SQLITE_NULL;

    /// <inheritdoc />
    public long Int64(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal);

    /// <inheritdoc />
    public string String(int ordinal) => raw.sqlite3_column_text(_statement, ordinal).utf8_to_string();

    /// <summary>Finalizes the statement.</summary>
    public void Dispose() => _statement.Dispose();

    // A name without its prefix matches as Microsoft.Data.Sqlite matches it: with $, : or @.
    private int IndexOf(string name) =>
        name.Length > 0 && name[0] is '$' or ':' or '@'
            ? raw.sqlite3_bind_parameter_index(_statement, name)
            : ParameterPrefixes.Select(prefix => raw.sqlite3_bind_parameter_index(_statement, prefix + name)).FirstOrDefault(index => index > 0);

    private void Bind(int index, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                BindNull(index);
                break;
            case string text:
                Bind(index, text);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                Bind(index, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Enum:
                // As a command binds an enum: its number.
                Bind(index, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                Bind(index, bytes);
                break;
            case bool flag:
                Bind(index, flag ? 1L : 0L);
                break;
            default:
                throw new NotSupportedException($"A SqliteStatement does not bind values of type {value.GetType().Name}.");
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
