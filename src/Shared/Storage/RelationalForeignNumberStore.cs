using System.Data.Common;
using System.Runtime.CompilerServices;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Storage.Sqlite;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The foreign-number store of the SQL stores, indexed both ways (article → foreign numbers, foreign number → article). A
/// batch, such as a whole CSV import, is checked and written in one transaction; batches of one connection take turns
/// (<see cref="SqlDialect.LockScopesAsync"/>), so two processes importing at once cannot both pass the check and then
/// collide. The writes of a batch are one statement each over all its rows (<see cref="SqlDialect.TextRows"/>).
/// </summary>
internal sealed class RelationalForeignNumberStore(RelationalDatabase database) : IForeignNumberStore
{
    // ListAsync reads in pages, each in a short read of its own, so a slow export holds no reader open.
    private const int PageSize = 1000;

    private const string Columns = "connection, article_number, label, value";

    private static readonly string[] WrittenColumns = ["connection", "article_number", "label_folded", "label", "value"];

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ForeignNumberMapping>> FindByArticleAsync(ConnectionId connection, string articleNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumber);
        return database.ReadAsync<IReadOnlyList<ForeignNumberMapping>>(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, $"SELECT {Columns} FROM foreign_numbers WHERE connection = @connection AND article_number = @article ORDER BY label_folded;")
                    .With("@connection", connection.Value)
                    .With("@article", articleNumber);
                return await ReadAllAsync(select, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ForeignNumberMapping?> FindByForeignNumberAsync(ConnectionId connection, ForeignNumber foreignNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(foreignNumber.Value, nameof(foreignNumber));
        return database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, $"SELECT {Columns} FROM foreign_numbers WHERE connection = @connection AND label_folded = @label AND value = @value;")
                    .With("@connection", connection.Value)
                    .With("@label", OrdinalIgnoreCaseFolding.Fold(foreignNumber.Label.Value))
                    .With("@value", foreignNumber.Value);
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
        var rows = database.StreamPagesAsync(
            new KeysetQuery<ForeignNumberMapping, (string Article, string LabelFolded)>
            {
                FirstPage = $"SELECT {Columns} FROM foreign_numbers WHERE connection = @connection ORDER BY article_number, label_folded LIMIT @limit;",
                NextPage = $"SELECT {Columns} FROM foreign_numbers WHERE connection = @connection AND (article_number, label_folded) > (@article, @label) ORDER BY article_number, label_folded LIMIT @limit;",
                Bind = command => command.With("@connection", connection.Value),
                BindAfter = static (command, after) => command.With("@article", after.Article).With("@label", after.LabelFolded),
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
        return database.WriteAsync<IReadOnlyList<ForeignNumberMapping>>(
            async (db, transaction, ct) =>
            {
                await database.Dialect.LockScopesAsync(db, transaction, "foreign_numbers", writes.Select(w => w.Connection.Value), ct).ConfigureAwait(false);

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
        return database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var delete = db.Command(transaction, "DELETE FROM foreign_numbers WHERE connection = @connection AND article_number = @article AND label_folded = @label;")
                    .With("@connection", connection.Value)
                    .With("@article", articleNumber)
                    .With("@label", OrdinalIgnoreCaseFolding.Fold(label.Value));
                return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<RestrictedArticleMapping> GetRestrictedMappingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, "SELECT article_number FROM restricted_articles WHERE connection = @connection ORDER BY article_number;")
                    .With("@connection", connection.Value);
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
        await database.WriteAsync(
            async (db, transaction, ct) =>
            {
                // Replaced whole; the lock keeps two replacements from interleaving their delete and insert.
                await database.Dialect.LockScopesAsync(db, transaction, "restricted_articles", [connection.Value], ct).ConfigureAwait(false);
                await using var clear = db.Command(transaction, "DELETE FROM restricted_articles WHERE connection = @connection;").With("@connection", connection.Value);
                await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                // WHERE true: SQLite would read a bare ON CONFLICT after a SELECT as part of a join.
                await using var insert = db.Command(transaction, $"INSERT INTO restricted_articles (connection, article_number) SELECT @connection, article_number FROM {database.Dialect.TextRows("articles", ["article_number"])} WHERE true ON CONFLICT DO NOTHING;")
                    .With("@connection", connection.Value);
                database.Dialect.WithTextRows(insert, "articles", ["article_number"], [.. mapping.ArticleNumbers.Select(number => new[] { number })]);
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    // The rules of the in-memory store: a foreign number given to two articles in the batch conflicts (all its
    // writes); so does one whose stored owner is another article that the batch does not give a new value. One
    // statement, rebound per foreign number.
    private static async Task<List<ForeignNumberMapping>> FindConflictsAsync(
        DbConnection db, DbTransaction transaction, ForeignNumberMapping[] writes, CancellationToken cancellationToken)
    {
        await using var owner = db.Command(transaction, "SELECT article_number, label FROM foreign_numbers WHERE connection = @connection AND label_folded = @label AND value = @value;");
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

                owner.Rebind("@connection", batch.Key.Value)
                    .Rebind("@label", OrdinalIgnoreCaseFolding.Fold(group.Key.Label.Value))
                    .Rebind("@value", group.Key.Value);
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
    // step is one statement over the batch's rows.
    private async Task WriteAsync(DbConnection db, DbTransaction transaction, ForeignNumberMapping[] writes, CancellationToken cancellationToken)
    {
        string[][] rows = [.. writes.Select(w => new[] { w.Connection.Value, w.ArticleNumber, OrdinalIgnoreCaseFolding.Fold(w.ForeignNumber.Label.Value), w.ForeignNumber.Label.Value, w.ForeignNumber.Value })];
        var written = database.Dialect.TextRows("written", WrittenColumns);
        await using var delete = db.Command(transaction, $"DELETE FROM foreign_numbers WHERE (connection, article_number, label_folded) IN (SELECT connection, article_number, label_folded FROM {written});");
        database.Dialect.WithTextRows(delete, "written", WrittenColumns, rows);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        await using var insert = db.Command(transaction, $"INSERT INTO foreign_numbers ({string.Join(", ", WrittenColumns)}) SELECT {string.Join(", ", WrittenColumns)} FROM {written};");
        database.Dialect.WithTextRows(insert, "written", WrittenColumns, rows);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<ForeignNumberMapping>> ReadAllAsync(DbCommand select, CancellationToken cancellationToken)
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
