using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>Applies the migrations a database file lacks and records them in <c>schema_migrations</c>.</summary>
internal static class SqliteMigrator
{
    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module      TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            description TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL,
            PRIMARY KEY (module, version)
        ) STRICT;
        """;

    /// <summary>The page size of a new file, in bytes: four times SQLite's default.</summary>
    public const int NewFilePageSize = 16_384;

    /// <summary>Applies the migrations the file lacks, creating it as a new file if it is empty.</summary>
    /// <returns>The file's page size in bytes.</returns>
    public static async Task<int> MigrateAsync(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations, CancellationToken cancellationToken)
    {
        // A new file gets pages of 16 KiB, an existing one keeps its own (SQLite changes the size only of an empty
        // file, before WAL mode is set). A batch of journal status changes dirties most pages of the entries and
        // history it touches wherever they lie; in pages four times as large it wrote a quarter of the WAL frames, and
        // a thousand changes took a fifth less time, while the queries of a million entries stayed within their bound.
        await ExecuteAsync(connection, null, string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {NewFilePageSize};"), cancellationToken).ConfigureAwait(false);

        // WAL lets readers go on while one writer commits; the mode is stored in the file, so setting it once
        // here covers every later connection, also those of other processes.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, HistoryTable, cancellationToken).ConfigureAwait(false);

        foreach (var module in migrations.GroupBy(m => m.Module, StringComparer.Ordinal))
        {
            var steps = module.OrderBy(m => m.Version).ToList();
            foreach (var step in steps)
            {
                // Each step takes the write lock first and then looks whether another process applied it meanwhile.
                await using var transaction = connection.BeginTransaction(deferred: false);
                var applied = await AppliedVersionAsync(connection, transaction, module.Key, cancellationToken).ConfigureAwait(false);
                var known = steps[^1].Version;
                if (applied > known)
                {
                    throw new ConnectSdkException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The database's '{module.Key}' tables are at version {applied}, but this Connect.Sdk.Storage.Sqlite knows versions up to {known}: a newer version of the package migrated the file. Update the package; never run an older one against it."));
                }

                if (step.Version > applied)
                {
                    await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
                    await RecordAsync(connection, transaction, step, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using var pageSize = connection.CreateCommand();
        pageSize.CommandText = "PRAGMA page_size;";
        return Convert.ToInt32(await pageSize.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<int> AppliedVersionAsync(SqliteConnection connection, SqliteTransaction transaction, string module, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE module = $module;";
        command.Parameters.AddWithValue("$module", module);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task RecordAsync(SqliteConnection connection, SqliteTransaction transaction, SqliteMigration step, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO schema_migrations (module, version, description, applied_at) VALUES ($module, $version, $description, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));";
        command.Parameters.AddWithValue("$module", step.Module);
        command.Parameters.AddWithValue("$version", step.Version);
        command.Parameters.AddWithValue("$description", step.Description);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
