using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// Streams a pending list (staged orders, pending status changes) ordered by a change time and the order number, in
/// keyset pages, so that each order comes at most once, as from the in-memory stores' snapshot, although every page is
/// a read of its own.
/// </summary>
/// <remarks>
/// A change moves an order to a later position. The stream is capped at the last position read before its first
/// page, so orders changed while it runs (stamped with the time of the change, after the cap) are left for the next
/// listing, and a stream behind busy writers still ends. A change stamped inside the cap (a tie at the cap's instant,
/// another process's clock, a marketplace time in the past) could still move an order past the page being read;
/// the order numbers already yielded catch that: one string per yielded order, not the orders themselves.
/// </remarks>
internal static class PendingPages
{
    /// <summary>Streams a connection's pending rows.</summary>
    /// <typeparam name="T">A row.</typeparam>
    /// <param name="list">The table, its pending condition and its change time column, and the columns <paramref name="read"/> reads.</param>
    /// <param name="database">The database.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="read">Reads a page's rows.</param>
    /// <param name="keyOf">A row's change time, as stored, and order number.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        PendingList list,
        RelationalDatabase database,
        ConnectionId connection,
        Func<DbCommand, CancellationToken, ValueTask<List<T>>> read,
        Func<T, (long Ticks, string OrderNumber)> keyOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var where = $"connection = @connection AND {list.Pending}";
        var cap = await database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, $"SELECT {list.ChangedAt}, order_number FROM {list.Table} WHERE {where} ORDER BY {list.ChangedAt} DESC, order_number DESC LIMIT 1;")
                    .With("@connection", connection.Value);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetString(1)) : ((long, string)?)null;
            },
            cancellationToken).ConfigureAwait(false);
        if (cap is not var (capTicks, capNumber))
        {
            yield break;
        }

        var capped = $"{where} AND ({list.ChangedAt}, order_number) <= (@cap_ticks, @cap_number)";
        var rows = database.StreamPagesAsync(
            new KeysetQuery<T, (long Ticks, string OrderNumber)>
            {
                FirstPage = $"SELECT {list.Columns} FROM {list.Table} WHERE {capped} ORDER BY {list.ChangedAt}, order_number LIMIT @limit;",
                NextPage = $"SELECT {list.Columns} FROM {list.Table} WHERE {capped} AND ({list.ChangedAt}, order_number) > (@ticks, @number) ORDER BY {list.ChangedAt}, order_number LIMIT @limit;",
                Bind = command => command.With("@connection", connection.Value).With("@cap_ticks", capTicks).With("@cap_number", capNumber),
                BindAfter = static (command, after) => command.With("@ticks", after.Ticks).With("@number", after.OrderNumber),
                Read = read,
                KeyOf = keyOf,
            },
            cancellationToken);
        var yielded = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (yielded.Add(keyOf(row).OrderNumber))
            {
                yield return row;
            }
        }
    }
}
