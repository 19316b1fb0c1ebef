using System.Collections.Concurrent;
using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Orders;
using ErpHost.Output;
using Microsoft.Data.Sqlite;

namespace ErpHost.Erp;

/// <summary>
/// The ERP's order book, in the ERP's own database file. It does what the SDK asks of every ERP: an order handed
/// over twice with the same idempotency key is taken once, and the second call gets the first call's order id
/// back. That is what makes a crash between "the ERP took the order" and "the SDK recorded it" harmless.
/// </summary>
internal sealed class ErpOrderBook : IOrderSink
{
    private readonly string _connectionString;
    private readonly StoryWriter _output;
    private readonly int? _crashAfterBooking = CrashAfterBooking();
    private int _bookedInThisRun;
    private readonly ConcurrentDictionary<(string Connection, string OrderNumber), bool> _booked = new();

    public ErpOrderBook(string path, StoryWriter output)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        _output = output;
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS erp_orders (
                erp_order_id     INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key  TEXT NOT NULL UNIQUE,
                connection       TEXT NOT NULL,
                order_number     TEXT NOT NULL,
                lines            INTEGER NOT NULL,
                total            TEXT NOT NULL
            );
            """);
        foreach (var order in List(connection))
        {
            _booked[(order.Connection, order.OrderNumber)] = true;
        }
    }

    /// <summary>Whether the ERP has booked a marketplace order.</summary>
    public bool IsBooked(ConnectionId connection, string orderNumber) => _booked.ContainsKey((connection.Value, orderNumber));

    public async ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        await using var connection = Open();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO erp_orders (idempotency_key, connection, order_number, lines, total)
            VALUES ($key, $connection, $number, $lines, $total)
            ON CONFLICT (idempotency_key) DO NOTHING;
            SELECT erp_order_id, changes() FROM erp_orders WHERE idempotency_key = $key;
            """;
        insert.Parameters.AddWithValue("$key", handOver.IdempotencyKey);
        insert.Parameters.AddWithValue("$connection", handOver.Connection.Value);
        insert.Parameters.AddWithValue("$number", handOver.Order.OrderNumber);
        insert.Parameters.AddWithValue("$lines", handOver.Order.Lines.Count);
        insert.Parameters.AddWithValue("$total", (handOver.Order.Total ?? handOver.Order.Lines.Select(l => l.Total).Aggregate((a, b) => a + b)).ToString());
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var erpId = string.Create(CultureInfo.InvariantCulture, $"AU-{reader.GetInt64(0):D5}");
        var isNew = reader.GetInt64(1) == 1;
        _booked[(handOver.Connection.Value, handOver.Order.OrderNumber)] = true;
        _output.Line(isNew
            ? $"      ERP: order {handOver.Order.OrderNumber} from {handOver.Connection} booked as {erpId}"
            : $"      ERP: order {handOver.Order.OrderNumber} handed over again with the same key: already booked as {erpId}");
        if (isNew && Interlocked.Increment(ref _bookedInThisRun) == _crashAfterBooking)
        {
            // The crash test's hook: die right after the ERP committed an order and before the SDK heard of it.
            Environment.FailFast($"ERPHOST_CRASH_AFTER_BOOKING={_crashAfterBooking}: crashing on purpose after booking {handOver.Order.OrderNumber}.");
        }

        return new ErpOrderReference(erpId);
    }

    /// <summary>How many times each marketplace order was booked, per connection.</summary>
    public IReadOnlyList<BookedOrder> List()
    {
        using var connection = Open();
        return List(connection);
    }

    private static List<BookedOrder> List(SqliteConnection connection)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT connection, order_number, COUNT(*) FROM erp_orders GROUP BY connection, order_number ORDER BY connection, order_number;";
        using var reader = query.ExecuteReader();
        var booked = new List<BookedOrder>();
        while (reader.Read())
        {
            booked.Add(new BookedOrder(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return booked;
    }

    private static int? CrashAfterBooking() =>
        int.TryParse(Environment.GetEnvironmentVariable("ERPHOST_CRASH_AFTER_BOOKING"), CultureInfo.InvariantCulture, out var n) ? n : null;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
