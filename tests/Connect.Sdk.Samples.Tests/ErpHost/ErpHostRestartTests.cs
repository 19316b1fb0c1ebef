using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Samples.Tests.ErpHost;

/// <summary>
/// The main-job sample survives what a real ERP host meets: being killed in the middle of its work and started
/// again on the same store, and simply being run twice. Every marketplace order reaches the ERP exactly once.
/// </summary>
public sealed class ErpHostRestartTests : IDisposable
{
    private const int Cycles = 2;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-erphost-tests", Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "connect.db");

    // The restart tests run Basar alone: what they prove (the store, the ledger and the ERP's book across a kill) does
    // not depend on the marketplace, and one connection keeps each of their runs short.
    private string[] Arguments => ["--store", StorePath, "--cycles", Cycles.ToString(CultureInfo.InvariantCulture), "--speed", "120", "--marketplaces", "basar"];

    [Theory]
    [InlineData(1)] // the order imported by number in the test phase, before productive mode
    [InlineData(2)] // the first order of the first scheduled import
    [InlineData(4)] // in the middle of the first cycle
    public async Task CrashedRightAfterTheErpBookedAnOrder_StartedAgain_HandsItOverAgainAndTheErpKeepsOne(int booking)
    {
        // The sample's crash hook dies after the ERP committed the order and before the SDK could record it.
        var first = await SampleProcess.RunAsync("ErpHost", Arguments, environment: new Dictionary<string, string> { ["ERPHOST_CRASH_AFTER_BOOKING"] = booking.ToString(CultureInfo.InvariantCulture) });
        Assert.True(first.ExitCode != 0, $"The first run should have crashed after booking {booking}: {first}");

        var second = await SampleProcess.RunAsync("ErpHost", Arguments);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(second.Output, l => l.Contains("handed over again with the same key: already booked as", StringComparison.Ordinal));
        AssertEveryOrderBookedOnce();
    }

    [Theory]
    [InlineData("booked", 2)]
    [InlineData("Cycle 1 of", 1)] // while the first cycle's orders are being placed and imported
    public async Task KilledMidRun_StartedAgainOnTheSameStore_LosesNoOrderAndDuplicatesNone(string marker, int occurrence)
    {
        var seen = 0;
        var first = await SampleProcess.RunAsync("ErpHost", Arguments, line => line.Contains(marker, StringComparison.Ordinal) && ++seen == occurrence);
        Assert.True(first.Killed, $"The first run ended before it printed '{marker}' {occurrence} time(s): {first}");

        var second = await SampleProcess.RunAsync("ErpHost", Arguments);

        Assert.True(second.ExitCode == 0, second.ToString());
        AssertEveryOrderBookedOnce();
    }

    [Fact]
    public async Task RunTwice_OnTheSameStore_SecondRunResumesAndBooksNothingTwice()
    {
        var first = await SampleProcess.RunAsync("ErpHost", Arguments);
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await SampleProcess.RunAsync("ErpHost", Arguments);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(second.Output, l => l.Contains("re-point the connection", StringComparison.Ordinal));

        // The second run imported every order again (each cycle waits for an import that started after its orders were
        // placed) and the ledger kept the ERP from receiving any of them twice.
        Assert.DoesNotContain(second.Output, l => l.Contains("from basar-de booked as", StringComparison.Ordinal));
        AssertEveryOrderBookedOnce();
    }

    [Fact]
    public async Task DefaultRun_EveryMarketplace_EveryOrderBookedOnceAndTheJournalComplete()
    {
        var run = await SampleProcess.RunAsync("ErpHost", ["--store", StorePath, "--cycles", Cycles.ToString(CultureInfo.InvariantCulture), "--speed", "120"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var book = BookedPerConnection();
        Assert.Equal(["amazon-de", "basar-de", "ebay-de", "kaufland-de", "mirakl-marketplace", "otto-market", "shopify-de", "shopware-shop", "woocommerce-shop"], book.Keys.Order(StringComparer.Ordinal));

        // Two orders before productive mode and two per cycle on each marketplace, each booked once.
        Assert.All(book, connection =>
        {
            Assert.Equal(2 * (Cycles + 1), connection.Value.Count);
            Assert.All(connection.Value, order => Assert.True(order.Value == 1, $"{connection.Key}: order {order.Key} was booked {order.Value} times."));
        });
        Assert.Contains(run.Output, l => l.Contains($"ERP order book: {book.Sum(c => c.Value.Count)} marketplace orders, each booked exactly once", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Output, l => l.Contains("Failed", StringComparison.Ordinal) && l.Contains("circuit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SecondProcessOnAStoreInUse_RefusedWithOneClearLine_ExitsThree()
    {
        var run = await SampleProcess.RunBesideAnotherAsync("ErpHost", Arguments);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Empty(run.Output);
        Assert.Equal(
            $"Another ErpHost is running on the store {StorePath}; each runs its own fake marketplaces, so one process per store. Stop it, or pass --store with another file.",
            run.Errors.Trim());
    }

    [Fact]
    public async Task Help_ListsTheOptionsAndExitsZero()
    {
        var run = await SampleProcess.RunAsync("ErpHost", ["--help"]);

        Assert.Equal(0, run.ExitCode);
        var text = string.Join('\n', run.Output);
        foreach (var option in new[] { "--store", "--cycles", "--marketplaces", "--speed" })
        {
            Assert.Contains(option, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--colour", "Unknown option --colour")]
    [InlineData("--cycles x", "--cycles needs a number, not 'x'")]
    [InlineData("--cycles 99", "--cycles must be between 1 and 50")]
    [InlineData("--marketplaces zalando", "Unknown marketplace(s) zalando; choose from basar")]
    [InlineData("--store", "--store needs a value")]
    public async Task BadCommandLine_ExitsTwoNamingTheProblem(string arguments, string expected)
    {
        var run = await SampleProcess.RunAsync("ErpHost", arguments.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Errors, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Reads the ERP's own order book: every order the Basar fake's buyers placed is there, none twice.</summary>
    private void AssertEveryOrderBookedOnce()
    {
        var expected = Enumerable.Range(0, Cycles + 1)
            .SelectMany(cycle => new[] { 1, 2 }.Select(i => string.Create(CultureInfo.InvariantCulture, $"BA-{1000 + (cycle * 10) + i}")))
            .ToHashSet();
        var booked = BookedPerConnection();

        Assert.Equal(["basar-de"], booked.Keys);
        Assert.Equal(expected.Order(StringComparer.Ordinal), booked["basar-de"].Keys.Order(StringComparer.Ordinal));
        Assert.All(booked["basar-de"], b => Assert.True(b.Value == 1, $"Order {b.Key} was booked {b.Value} times."));
    }

    /// <summary>The ERP's order book: per connection, how often each order number was booked.</summary>
    private Dictionary<string, Dictionary<string, long>> BookedPerConnection()
    {
        using var connection = new SqliteConnection($"Data Source={Path.ChangeExtension(StorePath, ".erp.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT connection, order_number, COUNT(*) FROM erp_orders GROUP BY connection, order_number;";
        using var reader = command.ExecuteReader();
        var booked = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var orders = booked.TryGetValue(reader.GetString(0), out var known) ? known : booked[reader.GetString(0)] = new Dictionary<string, long>(StringComparer.Ordinal);
            orders[reader.GetString(1)] = reader.GetInt64(2);
        }

        return booked;
    }
}
