using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>Refuses options the store cannot open a database with, naming the option.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.Path)} is empty: name the database file, e.g. UseSqlite(\"connect.db\").");
        }

        if (options.BusyTimeout < Duration.Zero)
        {
            failures.Add($"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.BusyTimeout)} is {options.BusyTimeout}; it must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
