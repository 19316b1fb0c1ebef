using System.Globalization;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>
/// Applies the migrations a database lacks and records them in <c>schema_migrations</c>, each step in its own
/// transaction. Processes starting at once take turns on an advisory lock: one applies, the others find the work done.
/// </summary>
internal static class PostgreSqlMigrator
{
    // The advisory lock every Connect.Sdk process takes while it migrates a database ("Connect" in ASCII). Advisory
    // locks are per database, so the key only needs to be distinct from the host's own advisory locks there.
    internal const long MigrationLockKey = 0x436F6E6E656374;

    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module      text        NOT NULL,
            version     integer     NOT NULL,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (module, version)
        );
        """;

    public static async Task MigrateAsync(NpgsqlConnection connection, IReadOnlyList<PostgreSqlMigration> migrations, CancellationToken cancellationToken)
    {
        foreach (var module in migrations.GroupBy(m => m.Module, StringComparer.Ordinal))
        {
            var steps = module.OrderBy(m => m.Version).ToList();
            foreach (var step in steps)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                // The lock ends with the transaction; the history table is created under it, so two first starts
                // cannot both create it.
                await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({MigrationLockKey});"), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, HistoryTable, cancellationToken).ConfigureAwait(false);
                var applied = await AppliedVersionAsync(connection, transaction, module.Key, cancellationToken).ConfigureAwait(false);
                var known = steps[^1].Version;
                if (applied > known)
                {
                    throw new ConnectSdkException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The database's '{module.Key}' tables are at version {applied}, but this Connect.Sdk.Storage.PostgreSql knows versions up to {known}: a newer version of the package migrated the database. Update the package; never run an older one against it."));
                }

                if (step.Version > applied)
                {
                    await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
                    await RecordAsync(connection, transaction, step, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> AppliedVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string module, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE module = @module;")
            .With("module", module);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgreSqlMigration step, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "INSERT INTO schema_migrations (module, version, description) VALUES (@module, @version, @description);")
            .With("module", step.Module)
            .With("version", step.Version)
            .With("description", step.Description);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
