using Microsoft.Extensions.Options;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>Refuses options the store cannot open a database with, naming the option; never repeats the connection string.</summary>
internal sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    /// <summary>Whether a data source of the host's own stands in for the connection string.</summary>
    private readonly bool _hostSuppliesDataSource;

    public PostgreSqlStoreOptionsValidator(bool hostSuppliesDataSource = false) => _hostSuppliesDataSource = hostSuppliesDataSource;

    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        var failures = new List<string>();
        if (!_hostSuppliesDataSource)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add($"{nameof(PostgreSqlStoreOptions)}.{nameof(PostgreSqlStoreOptions.ConnectionString)} is empty: name the database, e.g. UsePostgreSql(\"Host=db;Database=connect;Username=connect;Password=…\").");
            }
            else if (Unreadable(options.ConnectionString) is { } problem)
            {
                failures.Add($"{nameof(PostgreSqlStoreOptions)}.{nameof(PostgreSqlStoreOptions.ConnectionString)} is not an Npgsql connection string: {problem}");
            }
        }

        if (!Enum.IsDefined(options.Clock))
        {
            failures.Add($"{nameof(PostgreSqlStoreOptions)}.{nameof(PostgreSqlStoreOptions.Clock)} is {options.Clock}; it must be {nameof(PostgreSqlClock.Database)} or {nameof(PostgreSqlClock.Caller)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Npgsql's message names the unknown keyword, never a value, so it is safe to pass on.
    private static string? Unreadable(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
