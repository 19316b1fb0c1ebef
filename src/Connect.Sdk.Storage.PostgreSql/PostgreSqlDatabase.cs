using System.Data;
using Connect.Sdk.Storage.PostgreSql.Schema;
using Connect.Sdk.Storage.Relational;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL database every PostgreSQL store shares: hands out pooled connections from an
/// <see cref="NpgsqlDataSource"/> and brings the schema up to date before the first statement runs. One instance per
/// database and process is enough; it is thread-safe. Many processes may share the database.
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly MigrationGate _migration = new();

    /// <summary>Describes a database by connection string; nothing is opened until a store first uses it.</summary>
    /// <param name="options">The connection string and the clock.</param>
    public PostgreSqlDatabase(PostgreSqlStoreOptions options)
        : this(Validated(options, hostSuppliesDataSource: false), dataSource: null)
    {
    }

    /// <summary>Uses a data source the host built and owns (it stays open when this database is disposed).</summary>
    /// <param name="dataSource">The host's data source, e.g. from <c>NpgsqlDataSource.Create</c>.</param>
    /// <param name="options">The clock; the connection string is ignored.</param>
    public PostgreSqlDatabase(NpgsqlDataSource dataSource, PostgreSqlStoreOptions options)
        : this(Validated(options, hostSuppliesDataSource: true), dataSource ?? throw new ArgumentNullException(nameof(dataSource)))
    {
    }

    private PostgreSqlDatabase(PostgreSqlStoreOptions options, NpgsqlDataSource? dataSource)
    {
        _ownsDataSource = dataSource is null;
        _dataSource = dataSource ?? NpgsqlDataSource.Create(options.ConnectionString);
        Clock = options.Clock;
    }

    /// <summary>Whose clock decides when a lease lapses.</summary>
    public PostgreSqlClock Clock { get; }

    /// <summary>
    /// Brings the schema up to date: applies every migration not applied yet, each in its own transaction. Stores do
    /// this on first use; a host may call it at start-up to fail early. Several processes may migrate one database at
    /// once: they take turns on an advisory lock, and each step is applied once.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration; applied steps stay applied.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="ConnectSdkException">The database was migrated by a newer version of this package.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        _migration.RunOnceAsync(
            async ct =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await PostgreSqlMigrator.MigrateAsync(connection, PostgreSqlSchema.Migrations, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Runs a read in one read-only snapshot (repeatable read), so several selects agree with each other.</summary>
    internal async ValueTask<T> ReadAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var result = await read(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Runs a write in one read-committed transaction: it commits whole or leaves nothing behind. A store that reads
    /// before it writes locks what it read (<c>FOR UPDATE</c>) or writes conditionally (a version or token in the
    /// <c>WHERE</c>), so a concurrent writer cannot slip in between.
    /// </summary>
    internal async ValueTask<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        var result = await write(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Closes the pooled connections when this database built its own data source.</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }

        _migration.Dispose();
    }

    /// <summary>Closes the pooled connections when this database built its own data source.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _migration.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL database {DescribeWithoutSecrets()}";

    private string DescribeWithoutSecrets()
    {
        var described = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        return $"{described.Database} on {described.Host}:{described.Port}";
    }

    private static PostgreSqlStoreOptions Validated(PostgreSqlStoreOptions options, bool hostSuppliesDataSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new PostgreSqlStoreOptionsValidator(hostSuppliesDataSource).Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(PostgreSqlStoreOptions), typeof(PostgreSqlStoreOptions), validation.Failures);
        }

        return options;
    }
}
