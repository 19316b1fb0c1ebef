using System.Diagnostics;
using System.Globalization;
using Basar.Connector;
using Basar.Connector.DependencyInjection;
using Basar.Connector.Fake;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Storage.Sqlite;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// One scheduled order-import run of a productive Basar connection that finds <see cref="Orders"/> new orders: the
/// SDK as the ErpHost sample wires it (SQLite store, the Basar connector), against the Basar fake on loopback HTTP
/// without a rate limit, so the adapter's HTTP and JSON are in the measurement as well as staging, the ledger, the
/// foreign-number check, the ERP's order sink and the journal. Each invocation gets a fresh store and fake (set up
/// outside the measurement); divide the time and the allocation by <see cref="Orders"/> for the figures per order.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneRunPerInvocation))]
public class OrderImportBenchmarks
{
    private static readonly ConnectionId Connection = new("basar-bench");
    private static readonly Actor User = new("benchmark");
    private const string Token = "basar-bench-token";
    private static readonly string[] ArticleNumbers = Enumerable.Range(1, 20).Select(i => "A-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private string _folder = string.Empty;
    private ServiceProvider? _services;
    private BasarFake? _fake;
    private InMemoryOrderSink? _sink;
    private WorkItem? _run;
    private TimeSpan _cpuAtStart;

    /// <summary>The orders the run imports.</summary>
    [Params(1_000)]
    public int Orders { get; set; }

    [IterationSetup]
    public void Setup()
    {
        SetupAsync().GetAwaiter().GetResult();
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    [IterationCleanup]
    public void Cleanup()
    {
        // CPU time of the whole process (SDK, fake, GC) per invocation: steadier than wall time on a machine others share.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// CPU of the invocation: {cpu.TotalMilliseconds:F0} ms, {Orders / cpu.TotalSeconds:F0} orders per CPU-second"));
        if (_sink!.Orders.Count is not 0 && _sink.Orders.Count != Orders)
        {
            throw new InvalidOperationException($"{_sink.Orders.Count} of {Orders} orders reached the ERP");
        }

        _services!.Dispose();
        _fake!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The run: every order staged, handed to the ERP once, recorded in the ledger and journaled.</summary>
    [Benchmark]
    public async Task<WorkRunSummary> ImportRun()
    {
        var result = await _services!.GetRequiredService<SyncEngine>().RunAsync(_run!, CancellationToken.None);
        return result.Outcome == WorkRunOutcome.Completed ? result.Summary : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>
    /// The floor under <see cref="ImportRun"/> that is not the SDK's: the same pages of the fake over loopback HTTP, read
    /// as JSON documents by a plain <see cref="HttpClient"/>, nothing mapped or stored.
    /// </summary>
    [Benchmark]
    public async Task<int> FakePagesOnly()
    {
        using var http = new HttpClient { BaseAddress = _fake!.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        var since = Uri.EscapeDataString(NodaTime.Text.InstantPattern.ExtendedIso.Format(SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(1)));
        string? cursor = null;
        var read = 0;
        do
        {
            var path = $"api/v1/orders?updatedSince={since}&limit=50" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            await using var body = await http.GetStreamAsync(new Uri(path, UriKind.Relative));
            using var page = await System.Text.Json.JsonDocument.ParseAsync(body);
            read += page.RootElement.GetProperty("orders").GetArrayLength();
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return read == Orders ? read : throw new InvalidOperationException($"{read} of {Orders} orders read");
    }

    private async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _fake = BasarFake.Start(Token, new MarketplaceFakeOptions());
        foreach (var article in ArticleNumbers)
        {
            _fake.SeedArticle(new ForeignNumber(BasarConnector.OfferIdLabel, "BA-" + article), 100);
        }

        _sink = new InMemoryOrderSink();
        var services = new ServiceCollection();
        services.AddConnectSdk()
            .AddBasar()
            .UseArticleCatalog(new InMemoryArticleCatalog().Add(ArticleNumbers.Select(n => new Article(n, "Article " + n, ArticleKind.Simple))))
            .UseStockSource(new InMemoryStockSource())
            .UseOrderSink(_sink)
            .UseAlertSink(new InMemoryAlertSink())
            .UseSqlite(Path.Combine(_folder, "connect.db"), o => o.DangerouslyStoreSecretsInPlainText = true);
        _services = services.BuildServiceProvider();
        await GoLiveAsync(_services);

        var now = SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(5);
        for (var i = 0; i < Orders; i++)
        {
            _fake.SeedOrder(OrderOf(i, now + Duration.FromMilliseconds(i)));
        }

        await _services.GetRequiredService<OrderImport>().FetchOrdersAsync(Connection, CancellationToken.None);
        var plan = await _services.GetRequiredService<SyncEngine>().GetDueWorkAsync(CancellationToken.None);
        _run = plan.Due.First(item => item.Connection == Connection && item.Kind == WorkKind.OrderImport);
    }

    private async Task GoLiveAsync(IServiceProvider services)
    {
        var lifecycle = services.GetRequiredService<ConnectionLifecycle>();
        var settings = SettingsUpdate.Empty
            .Set(BasarConnector.BaseUrlKey, _fake!.BaseAddress.ToString())
            .Set(BasarConnector.FallbackCarrierKey, Carrier.Dhl.Value)
            .SetSecret(BasarConnector.ApiTokenKey, new SecretValue(Token));
        Ok(await lifecycle.CreateAsync(Connection, BasarConnector.Id, "Basar", User, CancellationToken.None));
        Ok(await lifecycle.UpdateSettingsAsync(Connection, settings, User, CancellationToken.None));
        Ok(await lifecycle.RunConnectionCheckAsync(Connection, User, CancellationToken.None));
        var report = await services.GetRequiredService<ForeignNumberImporter>().ImportAsync(
            Connection,
            BasarConnector.Id,
            ArticleNumbers.Select(a => new ForeignNumberRow(a, BasarConnector.OfferIdLabel.Value, "BA-" + a)),
            CancellationToken.None);
        if (!report.IsComplete)
        {
            throw new InvalidOperationException(string.Join("; ", report.Issues));
        }

        Ok(await lifecycle.SetFeatureModeAsync(Connection, FeatureKind.Orders, FeatureMode.Integration, User, CancellationToken.None));
        Ok(await lifecycle.SetImportModeAsync(Connection, ImportMode.Automatic, User, CancellationToken.None));
        Ok(await lifecycle.SetProductiveModeAsync(Connection, true, User, CancellationToken.None));
    }

    private static void Ok(LifecycleResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }

    private static MarketplaceOrder OrderOf(int serial, Instant at)
    {
        var number = "BA-" + (100_000 + serial).ToString(CultureInfo.InvariantCulture);
        var lines = Enumerable.Range(0, 1 + (serial % 3)).Select(l => new OrderLine
        {
            LineId = number + "-L" + l.ToString(CultureInfo.InvariantCulture),
            ForeignNumber = new ForeignNumber(BasarConnector.OfferIdLabel, "BA-" + ArticleNumbers[(serial + l) % ArticleNumbers.Length]),
            Title = "Article " + ArticleNumbers[(serial + l) % ArticleNumbers.Length],
            Quantity = 1 + (l % 2),
            UnitPrice = new Money(19.90m, CurrencyCode.Eur),
            TaxRate = 0.19m,
        }).ToArray();
        var order = new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = "9" + number,
            CreatedAt = at,
            UpdatedAt = at,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines = lines,
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
            ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        };
        return order with { Total = MappedTotal.Of(order).Sum };
    }

    /// <summary>
    /// A run per invocation, each on a fresh store, in this process: building a separate benchmark process takes longer
    /// than BenchmarkDotNet waits on a machine shared by several builds.
    /// </summary>
    private sealed class OneRunPerInvocation : ManualConfig
    {
        public OneRunPerInvocation() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }
}
