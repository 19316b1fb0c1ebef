using System.Runtime.CompilerServices;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Storage.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="IForeignNumberStore"/> in PostgreSQL, indexed both ways (article → foreign numbers, foreign number →
/// article). A batch, such as a whole CSV import, is checked and written in one transaction; batches of one connection
/// take turns on an advisory lock, so two processes importing at once cannot both pass the check and then collide.
/// </summary>
public sealed class PostgreSqlForeignNumberStore : IForeignNumberStore
{
    // ListAsync reads in pages, each in a short read of its own, so a slow export holds no reader open.
    private const int PageSize = 1000;

    private const string Columns = "connection, article_number, label, value";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlForeignNumberStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ForeignNumberMapping>> FindByArticleAsync(ConnectionId connection, string articleNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumber);
        return _database.ReadAsync<IReadOnlyList<ForeignNumberMapping>>(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, $"SELECT {Columns} FROM foreign_numbers WHERE connection = @connection AND article_number = @article ORDER BY label_folded;")
                    .With("connection", connection.Value)
                    .With("article", articleNumber);
                return await ReadAllAsync(select, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ForeignNumberMapping?> FindByForeignNumberAsync(ConnectionId connection, ForeignNumber foreignNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(foreignNumber.Value, nameof(foreignNumber));
        return _database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, $"SELECT {Columns} FROM foreign_numbers WHERE connection = @connection AND label_folded = @label AND value = @value;")
                    .With("connection", connection.Value)
                    .With("label", OrdinalIgnoreCaseFolding.Fold(foreignNumber.Label.Value))
                    .With("value", foreignNumber.Value);
                return (await ReadAllAsync(select, ct).ConfigureAwait(false)).SingleOrDefault();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The primary key's order: article number (the ordinal order), then the folded label, whose ordinal order is the
    /// order ignoring case. An article's labels are distinct, so the value never decides.
    /// </remarks>
    public async IAsyncEnumerable<ForeignNumberMapping> ListAsync(ConnectionId connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = PostgreSqlKeysetPages.StreamAsync(
            _database,
            new PostgreSqlKeysetQuery<ForeignNumberMapping, (string Article, string LabelFolded)>
            {
                FirstPage = $"SELECT {Columns} FROM foreign_numbers WHERE connection = @connection ORDER BY article_number, label_folded LIMIT @limit;",
                NextPage = $"SELECT {Columns} FROM foreign_numbers WHERE connection = @connection AND (article_number, label_folded) > (@article, @label) ORDER BY article_number, label_folded LIMIT @limit;",
                Bind = command => command.With("connection", connection.Value),
                BindAfter = static (command, after) => command.With("article", after.Article).With("label", after.LabelFolded),
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
                await db.LockScopesAsync(transaction, "foreign_numbers", writes.Select(w => w.Connection.Value), ct).ConfigureAwait(false);

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
                await using var delete = db.Command(transaction, "DELETE FROM foreign_numbers WHERE connection = @connection AND article_number = @article AND label_folded = @label;")
                    .With("connection", connection.Value)
                    .With("article", articleNumber)
                    .With("label", OrdinalIgnoreCaseFolding.Fold(label.Value));
                return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<RestrictedArticleMapping> GetRestrictedMappingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, "SELECT article_number FROM restricted_articles WHERE connection = @connection ORDER BY article_number;")
                    .With("connection", connection.Value);
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
                // Replaced whole; the lock keeps two replacements from interleaving their delete and insert.
                await db.LockScopesAsync(transaction, "restricted_articles", [connection.Value], ct).ConfigureAwait(false);
                await using var clear = db.Command(transaction, "DELETE FROM restricted_articles WHERE connection = @connection;").With("connection", connection.Value);
                await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await using var insert = db.Command(transaction, "INSERT INTO restricted_articles (connection, article_number) SELECT @connection, a FROM unnest(@articles) AS a ON CONFLICT DO NOTHING;")
                    .With("connection", connection.Value)
                    .With("articles", NpgsqlDbType.Array | NpgsqlDbType.Text, mapping.ArticleNumbers.ToArray());
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    // The rules of the in-memory store: a foreign number given to two articles in the batch conflicts (all its
    // writes); so does one whose stored owner is another article that the batch does not give a new value.
    private static async Task<List<ForeignNumberMapping>> FindConflictsAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, ForeignNumberMapping[] writes, CancellationToken cancellationToken)
    {
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

                await using var owner = db.Command(transaction, "SELECT article_number, label FROM foreign_numbers WHERE connection = @connection AND label_folded = @label AND value = @value;")
                    .With("connection", batch.Key.Value)
                    .With("label", OrdinalIgnoreCaseFolding.Fold(group.Key.Label.Value))
                    .With("value", group.Key.Value);
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

    // Every replaced value is freed before any is written, so values swapped between articles in one batch land. Each
    // step is one statement over arrays, one element per write.
    private static async Task WriteAsync(NpgsqlConnection db, NpgsqlTransaction transaction, ForeignNumberMapping[] writes, CancellationToken cancellationToken)
    {
        var connections = writes.Select(w => w.Connection.Value).ToArray();
        var articles = writes.Select(w => w.ArticleNumber).ToArray();
        var folded = writes.Select(w => OrdinalIgnoreCaseFolding.Fold(w.ForeignNumber.Label.Value)).ToArray();
        await using var delete = db.Command(transaction, """
                DELETE FROM foreign_numbers f USING unnest(@connections, @articles, @folded) AS w(connection, article_number, label_folded)
                WHERE f.connection = w.connection AND f.article_number = w.article_number AND f.label_folded = w.label_folded;
                """)
            .With("connections", NpgsqlDbType.Array | NpgsqlDbType.Text, connections)
            .With("articles", NpgsqlDbType.Array | NpgsqlDbType.Text, articles)
            .With("folded", NpgsqlDbType.Array | NpgsqlDbType.Text, folded);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        await using var insert = db.Command(transaction, "INSERT INTO foreign_numbers (connection, article_number, label_folded, label, value) SELECT * FROM unnest(@connections, @articles, @folded, @labels, @values);")
            .With("connections", NpgsqlDbType.Array | NpgsqlDbType.Text, connections)
            .With("articles", NpgsqlDbType.Array | NpgsqlDbType.Text, articles)
            .With("folded", NpgsqlDbType.Array | NpgsqlDbType.Text, folded)
            .With("labels", NpgsqlDbType.Array | NpgsqlDbType.Text, writes.Select(w => w.ForeignNumber.Label.Value).ToArray())
            .With("values", NpgsqlDbType.Array | NpgsqlDbType.Text, writes.Select(w => w.ForeignNumber.Value).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<ForeignNumberMapping>> ReadAllAsync(NpgsqlCommand select, CancellationToken cancellationToken)
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
