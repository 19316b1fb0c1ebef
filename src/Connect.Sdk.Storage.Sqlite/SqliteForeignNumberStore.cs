using System.Runtime.CompilerServices;
using Connect.Sdk.ForeignNumbers;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IForeignNumberStore"/> in a SQLite file, indexed both ways (article → foreign numbers, foreign
/// number → article). A batch, such as a whole CSV import, is checked and written in one transaction with prepared
/// statements reused for every row.
/// </summary>
public sealed class SqliteForeignNumberStore : IForeignNumberStore
{
    // ListAsync reads in pages, each in a short read of its own, so a slow export holds no reader open.
    private const int PageSize = 1000;

    private const string Columns = "connection, article_number, label, value";

    private readonly SqliteDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteForeignNumberStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ForeignNumberMapping>> FindByArticleAsync(ConnectionId connection, string articleNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumber);
        return _database.ReadAsync<IReadOnlyList<ForeignNumberMapping>>(
            async (db, ct) =>
            {
                await using var select = db.Command(null, $"SELECT {Columns} FROM foreign_numbers WHERE connection = $connection AND article_number = $article ORDER BY label_folded;")
                    .With("$connection", connection.Value)
                    .With("$article", articleNumber);
                return await ReadAllAsync(select, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ForeignNumberMapping?> FindByForeignNumberAsync(ConnectionId connection, ForeignNumber foreignNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(foreignNumber.Value, nameof(foreignNumber));
        return _database.ReadAsync(
            async (db, ct) =>
            {
                await using var select = db.Command(null, $"SELECT {Columns} FROM foreign_numbers WHERE connection = $connection AND label_folded = $label AND value = $value;")
                    .With("$connection", connection.Value)
                    .With("$label", OrdinalIgnoreCaseFolding.Fold(foreignNumber.Label.Value))
                    .With("$value", foreignNumber.Value);
                return (await ReadAllAsync(select, ct).ConfigureAwait(false)).SingleOrDefault();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The primary key's order: article number (BINARY, the ordinal order), then the folded label, whose ordinal
    /// order is the order ignoring case. An article's labels are distinct, so the value never decides.
    /// </remarks>
    public async IAsyncEnumerable<ForeignNumberMapping> ListAsync(ConnectionId connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // An iterator of its own rather than the helper's stream returned as is, so the public signature keeps
        // [EnumeratorCancellation] and a token given to WithCancellation still cancels.
        var rows = SqliteKeysetPages.StreamAsync(
            _database,
            new SqliteKeysetQuery<ForeignNumberMapping, (string Article, string LabelFolded)>
            {
                FirstPage = $"SELECT {Columns} FROM foreign_numbers WHERE connection = $connection ORDER BY article_number, label_folded LIMIT $limit;",
                NextPage = $"SELECT {Columns} FROM foreign_numbers WHERE connection = $connection AND (article_number, label_folded) > ($article, $label) ORDER BY article_number, label_folded LIMIT $limit;",
                Bind = command => command.With("$connection", connection.Value),
                BindAfter = static (command, after) => command.With("$article", after.Article).With("$label", after.LabelFolded),
                Read = static async (command, ct) => await ReadAllAsync(command, ct).ConfigureAwait(false),
                KeyOf = static mapping => (mapping.ArticleNumber, OrdinalIgnoreCaseFolding.Fold(mapping.ForeignNumber.Label.Value)),
                PageSize = PageSize,
            },
            cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ForeignNumberMapping>> UpsertAsync(IReadOnlyCollection<ForeignNumberMapping> mappings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        foreach (var mapping in mappings)
        {
            ArgumentNullException.ThrowIfNull(mapping, nameof(mappings));
            ArgumentException.ThrowIfNullOrWhiteSpace(mapping.ArticleNumber, nameof(mappings));
            ArgumentException.ThrowIfNullOrWhiteSpace(mapping.ForeignNumber.Value, nameof(mappings));
            ArgumentException.ThrowIfNullOrWhiteSpace(mapping.ForeignNumber.Label.Value, nameof(mappings));
        }

        // Later mappings for the same (article, label) win, as they would in a sequence of single writes.
        var writes = mappings
            .GroupBy(m => (m.Connection, m.ArticleNumber, m.ForeignNumber.Label))
            .Select(g => g.Last())
            .ToArray();
        return _database.WriteAsync<IReadOnlyList<ForeignNumberMapping>>(
            async (db, transaction, ct) =>
            {
                // Check the whole batch before writing any of it, so a conflict anywhere leaves the store as it was.
                var conflicts = await FindConflictsAsync(db, transaction, writes, ct).ConfigureAwait(false);
                if (conflicts.Count > 0)
                {
                    return conflicts;
                }

                await WriteAsync(db, transaction, writes, ct).ConfigureAwait(false);
                return [];
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(ConnectionId connection, string articleNumber, ForeignNumberLabel label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumber);
        return _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var delete = db.Command(transaction, "DELETE FROM foreign_numbers WHERE connection = $connection AND article_number = $article AND label_folded = $label;")
                    .With("$connection", connection.Value)
                    .With("$article", articleNumber)
                    .With("$label", OrdinalIgnoreCaseFolding.Fold(label.Value));
                return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<RestrictedArticleMapping> GetRestrictedMappingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async (db, ct) =>
            {
                await using var select = db.Command(null, "SELECT article_number FROM restricted_articles WHERE connection = $connection ORDER BY article_number;")
                    .With("$connection", connection.Value);
                var numbers = new List<string>();
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    numbers.Add(reader.GetString(0));
                }

                return numbers.Count == 0 ? RestrictedArticleMapping.Empty : new RestrictedArticleMapping(numbers);
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask SetRestrictedMappingAsync(ConnectionId connection, RestrictedArticleMapping mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        await _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var clear = db.Command(transaction, "DELETE FROM restricted_articles WHERE connection = $connection;").With("$connection", connection.Value);
                await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await using var insert = db.Command(transaction, "INSERT INTO restricted_articles (connection, article_number) VALUES ($connection, $article);");
                var article = insert.Parameters.Add("$article", SqliteType.Text);
                insert.With("$connection", connection.Value);
                foreach (var number in mapping.ArticleNumbers)
                {
                    article.Value = number;
                    await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    // The rules of the in-memory store: a foreign number given to two articles in the batch conflicts (all its
    // writes); so does one whose stored owner is another article that the batch does not give a new value.
    private static async Task<List<ForeignNumberMapping>> FindConflictsAsync(
        SqliteConnection db, SqliteTransaction transaction, ForeignNumberMapping[] writes, CancellationToken cancellationToken)
    {
        await using var owner = db.Command(transaction, "SELECT article_number, label FROM foreign_numbers WHERE connection = $connection AND label_folded = $label AND value = $value;");
        var connection = owner.Parameters.Add("$connection", SqliteType.Text);
        var label = owner.Parameters.Add("$label", SqliteType.Text);
        var value = owner.Parameters.Add("$value", SqliteType.Text);
        var conflicts = new List<ForeignNumberMapping>();
        foreach (var batch in writes.GroupBy(w => w.Connection))
        {
            var rewritten = batch.Select(w => (w.ArticleNumber, w.ForeignNumber.Label)).ToHashSet();
            foreach (var group in batch.GroupBy(w => w.ForeignNumber))
            {
                if (group.Select(w => w.ArticleNumber).Distinct(StringComparer.Ordinal).Skip(1).Any())
                {
                    conflicts.AddRange(group);
                    continue;
                }

                connection.Value = batch.Key.Value;
                label.Value = OrdinalIgnoreCaseFolding.Fold(group.Key.Label.Value);
                value.Value = group.Key.Value;
                await using var reader = await owner.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    && !rewritten.Contains((reader.GetString(0), new ForeignNumberLabel(reader.GetString(1))))
                    && !string.Equals(reader.GetString(0), group.First().ArticleNumber, StringComparison.Ordinal))
                {
                    conflicts.AddRange(group);
                }
            }
        }

        return conflicts;
    }

    // Every replaced value is freed before any is written, so values swapped between articles in one batch land.
    private static async Task WriteAsync(SqliteConnection db, SqliteTransaction transaction, ForeignNumberMapping[] writes, CancellationToken cancellationToken)
    {
        await using var delete = db.Command(transaction, "DELETE FROM foreign_numbers WHERE connection = $connection AND article_number = $article AND label_folded = $label_folded;");
        await using var insert = db.Command(transaction, "INSERT INTO foreign_numbers (connection, article_number, label_folded, label, value) VALUES ($connection, $article, $label_folded, $label, $value);");
        var deleteParameters = AddParameters(delete, "$connection", "$article", "$label_folded");
        var insertParameters = AddParameters(insert, "$connection", "$article", "$label_folded", "$label", "$value");
        foreach (var write in writes)
        {
            Bind(deleteParameters, write.Connection.Value, write.ArticleNumber, OrdinalIgnoreCaseFolding.Fold(write.ForeignNumber.Label.Value));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var write in writes)
        {
            Bind(insertParameters, write.Connection.Value, write.ArticleNumber, OrdinalIgnoreCaseFolding.Fold(write.ForeignNumber.Label.Value), write.ForeignNumber.Label.Value, write.ForeignNumber.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names) =>
        names.Select(name => command.Parameters.Add(name, SqliteType.Text)).ToArray();

    private static void Bind(SqliteParameter[] parameters, params string[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i];
        }
    }

    private static async Task<List<ForeignNumberMapping>> ReadAllAsync(SqliteCommand select, CancellationToken cancellationToken)
    {
        var mappings = new List<ForeignNumberMapping>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            mappings.Add(new ForeignNumberMapping(
                new ConnectionId(reader.GetString(0)),
                reader.GetString(1),
                new ForeignNumber(new ForeignNumberLabel(reader.GetString(2)), reader.GetString(3))));
        }

        return mappings;
    }
}
