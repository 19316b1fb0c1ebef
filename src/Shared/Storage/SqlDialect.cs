using System.Data.Common;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// What the shared stores' SQL says differently per database. Everything else (the statements, the merge rules, the
/// order of checks and writes) is one implementation for every database.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>
    /// Appended to a select inside a write that reads before it writes: a row lock where concurrent writers exist
    /// (<c> FOR UPDATE</c>), nothing where a write transaction already excludes every other writer.
    /// </summary>
    public abstract string LockForUpdate { get; }

    /// <summary>As <see cref="LockForUpdate"/>, for a row a write only checks (<c> FOR SHARE</c>).</summary>
    public abstract string LockForShare { get; }

    /// <summary>Adds a JSON document (or <see langword="null"/>) as the database's JSON column type wants it.</summary>
    public abstract DbCommand WithJson(DbCommand command, string name, string? json);

    /// <summary>A condition that <paramref name="column"/> is one of the texts bound by <see cref="WithTextList"/>.</summary>
    /// <param name="column">The column.</param>
    /// <param name="name">The parameter name the list is bound under, without a prefix.</param>
    public abstract string InTextList(string column, string name);

    /// <summary>Binds the texts <see cref="InTextList"/> compares with, as one parameter whatever their number.</summary>
    public abstract DbCommand WithTextList(DbCommand command, string name, IReadOnlyCollection<string> texts);

    /// <summary>Sets a parameter to a decimal (money, percentages, buffers) as the database keeps it exactly, scale included.</summary>
    public abstract void SetDecimal(DbParameter parameter, decimal? value);

    /// <summary>Reads a decimal set by <see cref="SetDecimal"/>, scale included.</summary>
    public abstract decimal GetDecimal(DbDataReader reader, int ordinal);

    /// <summary>
    /// A table of text rows bound by <see cref="WithTextRows"/>, for one statement over a whole batch: used as
    /// <c>SELECT columns FROM {rows}</c>.
    /// </summary>
    /// <param name="name">The parameter name the rows are bound under, without a prefix.</param>
    /// <param name="columns">The columns of a row, in the order of its values.</param>
    public abstract string TextRows(string name, IReadOnlyList<string> columns);

    /// <summary>Binds the rows <see cref="TextRows"/> reads; every row has one value per column.</summary>
    public abstract DbCommand WithTextRows(DbCommand command, string name, IReadOnlyList<string> columns, IReadOnlyCollection<string[]> rows);

    /// <summary>
    /// Makes writers of the given scopes of one area take turns until the transaction ends, for writes that check many
    /// rows before they write (a batch of foreign numbers); a database with one writer at a time has nothing to do.
    /// </summary>
    public abstract ValueTask LockScopesAsync(DbConnection db, DbTransaction transaction, string area, IEnumerable<string> scopes, CancellationToken cancellationToken);
}
