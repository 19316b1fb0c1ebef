using System.Diagnostics;
using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// Every class of journal filter (docs/performance.md, "Journal filter matrix") against the million-entry tab of
/// <see cref="MillionEntryJournal"/>, each read as the first page, a deep page (by token, from the middle of the
/// filter's time span) and the last page, with its total, through <see cref="SqliteJournalStore.QueryPageAsync"/>.
/// Prints one Markdown row per case with mean and P95. Not BenchmarkDotNet: a hundred cases of up to a second each
/// would take BenchmarkDotNet's pilot and warm-up stages an hour; here each case runs a fixed small number of times.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/Connect.Sdk.Benchmarks -- journal-matrix [--file PATH] [--only TEXT]</c>.
/// The file is made once (about three minutes) and reused by later runs; the default is
/// <c>$TMPDIR/connect-sdk-bench/journal-matrix.db</c>. The first row is the unfiltered first page, the quiet reference:
/// it is measured again at the end, so a run on a busy machine can be read as ratios to it.
/// </remarks>
internal static class JournalFilterMatrix
{
    private const int PageSize = 50;
    private const int WarmUps = 2;
    private const int MinIterations = 10;
    private const int MaxIterations = 40;
    private static readonly TimeSpan CaseBudget = TimeSpan.FromSeconds(2);

    private static readonly Instant End = MillionEntryJournal.UpdatedAt(MillionEntryJournal.Entries - 1) + Duration.FromSeconds(1);
    private static readonly Duration Day = Duration.FromDays(1);

    /// <summary>Runs the matrix.</summary>
    /// <param name="args">The arguments after <c>journal-matrix</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var file = Option(args, "--file") ?? Path.Combine(Path.GetTempPath(), "connect-sdk-bench", "journal-matrix.db");
        var only = Option(args, "--only");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var loading = Stopwatch.StartNew();
        MillionEntryJournal.Ensure(file);
        Console.WriteLine($"file {file} ready after {loading.Elapsed.TotalSeconds:F0} s; load average {LoadAverage()}");

        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = file });
        var store = new SqliteJournalStore(database);
        var cases = Cases().Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).Prepend(Cases()[0]).ToList();
        Console.WriteLine("| class | case | page | mean ms | P95 ms | runs | total | entries |");
        Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (@class, name, query) in cases)
        {
            var middle = await store.GetAsync(new JournalKey(MillionEntryJournal.Connection, RecordKind.Order, MillionEntryJournal.Key(MiddleOf(query))), CancellationToken.None)
                ?? throw new InvalidOperationException("The middle entry is missing.");
            foreach (var (page, request) in new[]
                     {
                         ("first", JournalPageRequest.First(PageSize)),
                         ("deep", JournalPageRequest.After(JournalContinuation.After(query, middle), PageSize)),
                         ("last", JournalPageRequest.Last(PageSize)),
                     })
            {
                var (times, result) = await TimeAsync(store, query, request);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {@class} | {name} | {page} | {times.Average():F2} | {Percentile95(times):F2} | {times.Count} | {(result.TotalIsEstimate ? "~" : string.Empty)}{result.TotalCount:N0} | {result.Entries.Count} |"));
            }
        }

        var (reference, _) = await TimeAsync(store, cases[0].Query, JournalPageRequest.First(PageSize));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reference again: mean {reference.Average():F2} ms, P95 {Percentile95(reference):F2} ms; load average {LoadAverage()}"));
        return 0;
    }

    /// <summary>The classes of filter, one case each (see docs/performance.md for why these).</summary>
    private static List<(string Class, string Name, JournalQuery Query)> Cases()
    {
        var tab = new JournalQuery(MillionEntryJournal.Connection, RecordKind.Order);
        var farBack = (From: MillionEntryJournal.T0, To: MillionEntryJournal.T0 + Day);
        var recentDay = (From: End - Day, To: End);
        var week = (From: End - Duration.FromDays(7), To: End);
        var farBackOrders = (From: MillionEntryJournal.T0 - Day, To: MillionEntryJournal.T0);
        return
        [
            ("tab", "no filter", tab),
            ("tally", "status Queued (2 %)", tab with { Statuses = [JournalStatus.Queued] }),
            ("tally", "status Succeeded (88 %)", tab with { Statuses = [JournalStatus.Succeeded] }),
            ("tally", "status Failed or Warning (10 %)", tab with { Statuses = [JournalStatus.Failed, JournalStatus.Warning] }),
            ("time window", "changed the last day", tab with { ChangedFrom = recentDay.From, ChangedTo = recentDay.To }),
            ("time window", "changed the last week", tab with { ChangedFrom = week.From, ChangedTo = week.To }),
            ("time window", "changed on the first day (far back)", tab with { ChangedFrom = farBack.From, ChangedTo = farBack.To }),
            ("time window", "changed in an empty window", tab with { ChangedFrom = End + Duration.FromDays(10), ChangedTo = End + Duration.FromDays(11) }),
            ("indexed equality", "variants only (64 %)", tab with { ArticleTypes = ArticleTypeFilter.VariantsOnly }),
            ("indexed equality", "matrix parents only (9 %)", tab with { ArticleTypes = ArticleTypeFilter.MatrixParentsOnly }),
            ("indexed equality", "tracking failed (1 %)", tab with { Tracking = TrackingExportState.Failed }),
            ("indexed equality ×2", "Queued + tracking failed (0.02 %)", tab with { Statuses = [JournalStatus.Queued], Tracking = TrackingExportState.Failed }),
            ("no index, frequent", "no variants (36 %)", tab with { ArticleTypes = ArticleTypeFilter.NoVariants }),
            ("order date", "ordered on the last day but one", tab with { OrderDateFrom = recentDay.From - Day, OrderDateTo = recentDay.To - Day }),
            ("order date", "ordered on the first day (far back)", tab with { OrderDateFrom = farBackOrders.From, OrderDateTo = farBackOrders.To }),
            ("order date", "ordered far back + Failed", tab with { OrderDateFrom = farBackOrders.From, OrderDateTo = farBackOrders.To, Statuses = [JournalStatus.Failed] }),
            ("order date", "ordered far back + mustermann", tab with { OrderDateFrom = farBackOrders.From, OrderDateTo = farBackOrders.To, Text = "mustermann" }),
            ("text, index, rare", "order number 10004711", tab with { Text = "10004711" }),
            ("text, index, rare", "order number + Failed", tab with { Text = "10004711", Statuses = [JournalStatus.Failed] }),
            ("text, index, none", "xyzzy (no entry)", tab with { Text = "xyzzy" }),
            ("text, index, none", "xyzzy + last week", tab with { Text = "xyzzy", ChangedFrom = week.From, ChangedTo = week.To }),
            ("text, index, common", "mustermann (7.7 %)", tab with { Text = "mustermann" }),
            ("text, index, common", "mustermann + Failed + one week", tab with { Text = "mustermann", Statuses = [JournalStatus.Failed], ChangedFrom = week.From, ChangedTo = week.To }),
            ("text, index, common", "mustermann + first day (far back)", tab with { Text = "mustermann", ChangedFrom = farBack.From, ChangedTo = farBack.To }),
            ("text, index, common", "mustermann + tracking failed + no variants", tab with { Text = "mustermann", Tracking = TrackingExportState.Failed, ArticleTypes = ArticleTypeFilter.NoVariants }),
            ("text, index, common message", "tax information (5 %, every message its own)", tab with { Text = "tax information" }),
            ("text, index, common message", "tax information + one week", tab with { Text = "tax information", ChangedFrom = week.From, ChangedTo = week.To }),
            ("text, short", "mu (7.7 %)", tab with { Text = "mu" }),
            ("text, short", "mu + Failed", tab with { Text = "mu", Statuses = [JournalStatus.Failed] }),
            ("text, short", "q (no entry)", tab with { Text = "q" }),
            ("text, short", "q + Failed", tab with { Text = "q", Statuses = [JournalStatus.Failed] }),
            ("text, short", "q + last week", tab with { Text = "q", ChangedFrom = week.From, ChangedTo = week.To }),
            ("rare combination", "no variants + tracking failed + Queued", tab with { ArticleTypes = ArticleTypeFilter.NoVariants, Tracking = TrackingExportState.Failed, Statuses = [JournalStatus.Queued] }),
            ("every criterion", "mustermann + Failed + week + no variants + tracking pending + ordered that week", tab with
            {
                Text = "mustermann", Statuses = [JournalStatus.Failed], ChangedFrom = week.From, ChangedTo = week.To, ArticleTypes = ArticleTypeFilter.NoVariants,
                Tracking = TrackingExportState.Pending, OrderDateFrom = week.From - Day, OrderDateTo = week.To - Day,
            }),
        ];
    }

    private static async Task<(List<double> Times, JournalPage Result)> TimeAsync(SqliteJournalStore store, JournalQuery query, JournalPageRequest request)
    {
        JournalPage result = null!;
        for (var i = 0; i < WarmUps; i++)
        {
            result = await store.QueryPageAsync(query, request, CancellationToken.None);
        }

        var times = new List<double>(MaxIterations);
        var budget = Stopwatch.StartNew();
        while (times.Count < MinIterations || (times.Count < MaxIterations && budget.Elapsed < CaseBudget))
        {
            var one = Stopwatch.StartNew();
            result = await store.QueryPageAsync(query, request, CancellationToken.None);
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        return (times, result);
    }

    // The entry in the middle of the query's time span (order dates are a day before the change): a deep page there.
    private static long MiddleOf(JournalQuery query)
    {
        var from = Max(query.ChangedFrom, query.OrderDateFrom + Day) ?? MillionEntryJournal.T0;
        var to = Min(query.ChangedTo, query.OrderDateTo + Day) ?? End;
        var middle = from + ((to - from) / 2);
        var index = (middle - MillionEntryJournal.T0).TotalSeconds / 3;
        return (long)Math.Clamp(index, 0, MillionEntryJournal.Entries - 1);
    }

    private static Instant? Max(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Max(a.Value, b.Value);

    private static Instant? Min(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);

    private static double Percentile95(List<double> times)
    {
        var sorted = times.Order().ToArray();
        return sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
