using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Quartz;

/// <summary>
/// Quartz.NET 4.7.3's job store tables, created from the copy of Quartz's script in this folder
/// (<c>QuartzTables.postgres.sql</c>) in a schema of their own, beside the SDK's tables in the same database.
/// </summary>
internal static class QuartzTables
{
    /// <summary>The script's first line of Quartz's own text; what is above it is this repository's header.</summary>
    public const string ScriptStartsAfter = "-- Quartz.NET 4.7.3 script starts here\n";

    /// <summary>The copy kept in the test project, its header taken off.</summary>
    public static string Script()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Quartz", "QuartzTables.postgres.sql")).ReplaceLineEndings("\n");
        return text[(text.IndexOf(ScriptStartsAfter, StringComparison.Ordinal) + ScriptStartsAfter.Length)..];
    }

    /// <summary>Creates the schema and Quartz's tables in it, as <c>{schema}.qrtz_*</c>: the table prefix Quartz is then told.</summary>
    public static async Task CreateAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // Quartz's own rule for its script: one statement per piece between '--;;' lines, {0} the prefix with the
        // schema, {1} the prefix without it (for index names, which cannot carry a schema).
        foreach (var piece in Script().Split("\n--;;\n"))
        {
            await using var command = new NpgsqlCommand(piece.Replace("{0}", $"{schema}.qrtz_", StringComparison.Ordinal).Replace("{1}", "qrtz_", StringComparison.Ordinal), connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
