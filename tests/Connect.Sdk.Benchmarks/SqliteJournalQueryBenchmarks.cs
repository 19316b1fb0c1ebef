using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The journal view on one tab of a million SQLite entries (<see cref="MillionEntryJournal"/>): the first
/// page of fifty with its total, as the journal screen asks for it, under the default filter and each common one; and
/// per category, the deep-paging cases by offset (the baseline) beside the keyset page that replaces them.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WithP95))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SqliteJournalQueryBenchmarks
{
    private const string DeepPage = "page 10,000";
    private const string LastPage = "last page";
    private const string CommonWordFailedWeek = "mustermann + Failed + one week";
    private const string Total = "total";

    private const int Entries = MillionEntryJournal.Entries;
    private const int PageSize = 50;

    private static readonly ConnectionId Connection = MillionEntryJournal.Connection;
    private static readonly Instant T0 = MillionEntryJournal.T0;

    private static readonly JournalQuery Everything = new(Connection, RecordKind.Order);

    // Failed entries of one week whose title carries a common word: 775 matches among 10,080 failed ones.
    private static readonly JournalQuery CommonWordFailedOneWeek = new(Connection, RecordKind.Order)
    {
        Text = "mustermann",
        Statuses = [JournalStatus.Failed],
        ChangedFrom = T0 + Duration.FromDays(14),
        ChangedTo = T0 + Duration.FromDays(21),
    };

    // A million entries take minutes to load, so a process loads them once for all its benchmarks: run in process
    // (the default job of WithP95) and every benchmark of the run reads the same file.
    private static readonly Lazy<string> LoadedFile = new(LoadOnce);

    private string _tokenBeforePage10000 = string.Empty;
    private SqliteDatabase? _database;
    private SqliteJournalStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = LoadedFile.Value });
        _store = new SqliteJournalStore(_database);

        // The token the page before page 10,000 hands out: what a user who paged there holds.
        var lastOfPage9999 = _store.QueryAsync(Everything, (10_000 * PageSize) - 1, 1, CancellationToken.None).AsTask().GetAwaiter().GetResult().Entries[0];
        _tokenBeforePage10000 = JournalContinuation.After(Everything, lastOfPage9999);
    }

    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<JournalPage> FirstPageEverything() => QueryAsync(new JournalQuery(Connection, RecordKind.Order));

    [Benchmark]
    public Task<JournalPage> FirstPageFailed() =>
        QueryAsync(new JournalQuery(Connection, RecordKind.Order) { Statuses = [JournalStatus.Failed] });

    // A common word: one entry in thirteen carries it in its title, so the total counts 76,924 matches.
    [Benchmark]
    public Task<JournalPage> FirstPageFreeTextCommon() =>
        QueryAsync(new JournalQuery(Connection, RecordKind.Order) { Text = "mustermann" });

    // The usual search: an order number, found in one entry's key and in no other text.
    [Benchmark]
    public Task<JournalPage> FirstPageFreeTextOrderNumber() =>
        QueryAsync(new JournalQuery(Connection, RecordKind.Order) { Text = "10004711" });

    [Benchmark]
    public Task<JournalPage> FirstPageOneDay() =>
        QueryAsync(new JournalQuery(Connection, RecordKind.Order) { ChangedFrom = T0 + Duration.FromDays(20), ChangedTo = T0 + Duration.FromDays(21) });

    // A page of one: what remains is essentially the total count of the whole tab.
    [Benchmark]
    public Task<JournalPage> TotalCount() => _store!.QueryAsync(new JournalQuery(Connection, RecordKind.Order), 0, 1, CancellationToken.None).AsTask();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(DeepPage)]
    public Task<JournalPage> DeepPageByOffset() => _store!.QueryAsync(Everything, 10_000 * PageSize, PageSize, CancellationToken.None).AsTask();

    [Benchmark]
    [BenchmarkCategory(DeepPage)]
    public Task<JournalPage> DeepPageByKeyset() => QueryPageAsync(Everything, JournalPageRequest.After(_tokenBeforePage10000, PageSize));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(LastPage)]
    public Task<JournalPage> LastPageByOffset() => _store!.QueryAsync(Everything, Entries - PageSize, PageSize, CancellationToken.None).AsTask();

    [Benchmark]
    [BenchmarkCategory(LastPage)]
    public Task<JournalPage> LastPageByKeyset() => QueryPageAsync(Everything, JournalPageRequest.Last(PageSize));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(CommonWordFailedWeek)]
    public Task<JournalPage> CommonWordFailedWeekByOffset() => QueryAsync(CommonWordFailedOneWeek);

    [Benchmark]
    [BenchmarkCategory(CommonWordFailedWeek)]
    public Task<JournalPage> CommonWordFailedWeekByKeyset() => QueryPageAsync(CommonWordFailedOneWeek, JournalPageRequest.First(PageSize));

    // The common word alone: 76,924 matches, past the exact-total limit, so the keyset page's total is an estimate.
    [Benchmark]
    [BenchmarkCategory(CommonWordFailedWeek)]
    public Task<JournalPage> CommonWordByKeyset() => QueryPageAsync(Everything with { Text = "mustermann" }, JournalPageRequest.First(PageSize));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Total)]
    public Task<JournalPage> CommonWordTotalByOffset() => _store!.QueryAsync(Everything with { Text = "mustermann" }, 0, 1, CancellationToken.None).AsTask();

    [Benchmark]
    [BenchmarkCategory(Total)]
    public Task<JournalPage> CommonWordTotalByKeyset() => QueryPageAsync(Everything with { Text = "mustermann" }, JournalPageRequest.First(1));

    private Task<JournalPage> QueryPageAsync(JournalQuery query, JournalPageRequest request) => _store!.QueryPageAsync(query, request, CancellationToken.None).AsTask();

    private Task<JournalPage> QueryAsync(JournalQuery query) => _store!.QueryAsync(query, 0, PageSize, CancellationToken.None).AsTask();

    private static string LoadOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "connect-sdk-bench", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "journal.db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        MillionEntryJournal.Ensure(path);
        return path;
    }

    // In process, so that one load serves every benchmark (out of process each one would load its own million
    // entries); BenchmarkDotNet's in-process default of five minutes per benchmark is too short for that load. The
    // job is the default only: a job given on the command line replaces it.
    private sealed class WithP95 : ManualConfig
    {
        public WithP95()
        {
            AddColumn(StatisticColumn.P95);
            AddJob(Job.ShortRun.WithIterationCount(15).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)).AsDefault());
        }
    }
}
