using System.Globalization;
using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The journal write benchmarks' data: the article tab of a 10,000-article connection, and status changes as a stock run
/// makes them — Running with "sending stock n", then Succeeded with "sent n: …" — each appending a history line with a
/// message of its own (so the free-text index changes too); past 50 lines the oldest 10 are folded, as the journal's
/// bound does.
/// </summary>
internal static class JournalStatusChanges
{
    /// <summary>How many entries the tab holds.</summary>
    public const int Articles = 10_000;

    /// <summary>How many entries one benchmark changes: a batch.</summary>
    public const int Batch = 1_000;

    private const int MaxLines = 50;
    private const int FoldLines = 10;

    private static readonly ConnectionId Connection = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);

    /// <summary>Every tenth article: the entries a batch changes.</summary>
    public static JournalKey[] BatchKeys { get; } = Enumerable.Range(0, Batch).Select(i => new JournalKey(Connection, RecordKind.ArticleStock, $"A{i * 10:D5}")).ToArray();

    /// <summary>The tab as mapping the articles lists it: not synced yet, one history line each.</summary>
    public static JournalEntry[] Tab() => Enumerable.Range(0, Articles)
        .Select(i =>
        {
            var message = $"mapped to shopifyvariantid {i} on connection shopify-de; stock not synced yet";
            return new JournalEntry
            {
                Key = new JournalKey(Connection, RecordKind.ArticleStock, $"A{i:D5}"),
                Status = JournalStatus.NotSynced,
                Message = message,
                Title = $"T-Shirt Mustermann {i % 97} rot XL",
                UpdatedAt = T0,
                History = [new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, message)],
            };
        })
        .ToArray();

    /// <summary>Whether the status change of <see cref="Changed"/> folds lines the entry was read without, so that it must be read whole first.</summary>
    public static bool FoldsUnreadLines(JournalEntry entry) => entry.HistoryLinesNotRead > 0 && entry.HistoryLinesNotRead + entry.History.Count + 1 > MaxLines;

    /// <summary>
    /// The entry after the status change of a round: odd rounds start a send, even rounds end it. The messages are a
    /// stock run's, with each article's own quantities, which change from send to send: of a batch's thousand changes,
    /// the Running ones hold 50 different messages ("sending stock 7") and the outcomes about 125 ("sent 7: on hand 9 −
    /// reserved 2 − buffer 0 = 7").
    /// </summary>
    public static JournalEntry Changed(JournalEntry entry, int round)
    {
        var at = T0 + Duration.FromSeconds(round);
        var article = int.Parse(entry.Key.RecordKey.AsSpan(1), CultureInfo.InvariantCulture);
        // A multiplicative hash of article and send: each article's quantity moves between 0 and 49 from send to send.
        var hash = unchecked((uint)(article + ((round + 1) / 2 * 7919)) * 2654435761u);
        var (send, reserved) = ((int)(hash >> 16) % 50, article % 3);
        var (status, message) = round % 2 == 1
            ? (JournalStatus.Running, $"sending stock {send}")
            : (JournalStatus.Succeeded, $"sent {send}: on hand {send + reserved} − reserved {reserved} − buffer 0 = {send}");
        var history = entry.History.Append(new JournalStatusChange(at, entry.Status, status, message)).ToArray();
        var earlier = entry.EarlierHistory;
        if (FoldsUnreadLines(entry))
        {
            throw new InvalidOperationException($"{entry.Key} must be read whole before its change folds lines.");
        }

        if (history.Length > MaxLines)
        {
            var folded = history[..FoldLines];
            earlier = new JournalHistorySummary
            {
                Lines = (earlier?.Lines ?? 0) + FoldLines,
                Changes = (earlier?.Changes ?? 0) + folded.Sum(l => l.Repeats + 1),
                Failures = earlier?.Failures ?? 0,
                FailuresInARow = 0,
                From = earlier?.From ?? folded[0].At,
                To = folded[^1].At,
                FirstStatus = earlier?.FirstStatus ?? folded[0].To,
                FirstMessage = earlier?.FirstMessage ?? folded[0].Message,
            };
            history = history[FoldLines..];
        }

        return entry with { Status = status, Message = message, UpdatedAt = at, Attempts = entry.Attempts + (round % 2), EarlierHistory = earlier, History = history };
    }

    /// <summary>A batch's status changes saved one by one: one transaction each, as a run journaled every article before.</summary>
    public static async Task<int> SaveOneByOneAsync(IJournalStore store, int round)
    {
        var saved = 0;
        foreach (var entry in await store.GetManyAsync(BatchKeys, CancellationToken.None))
        {
            saved += await store.TrySaveAsync(Changed(entry, round), CancellationToken.None) is null ? 0 : 1;
        }

        return saved;
    }

    /// <summary>
    /// The same status changes as one batch, as the journal makes them (<c>SyncJournal.ChangeManyAsync</c>): one read of
    /// the lines a status change needs (<see cref="IJournalStore.GetManyToChangeAsync"/>), one whole read of the entries
    /// whose change folds lines, one <c>TrySaveManyAsync</c> (one transaction).
    /// </summary>
    public static async Task<int> SaveInOneBatchAsync(IJournalStore store, int round)
    {
        var saved = await store.TrySaveManyAsync(await ReadAndChangeAsync(store, round), CancellationToken.None);
        return saved.Count(e => e is not null);
    }

    /// <summary>The reads of <see cref="SaveInOneBatchAsync"/> and the changed entries it saves.</summary>
    public static async Task<JournalEntry[]> ReadAndChangeAsync(IJournalStore store, int round)
    {
        var entries = await store.GetManyToChangeAsync(BatchKeys, CancellationToken.None);
        var folding = entries.Where(FoldsUnreadLines).Select(e => e.Key).ToArray();
        var whole = folding.Length == 0 ? [] : await store.GetManyAsync(folding, CancellationToken.None);
        return entries.Where(e => !FoldsUnreadLines(e)).Concat(whole).Select(e => Changed(e, round)).ToArray();
    }

    /// <summary>
    /// A batch of a stock run (<c>ArticleBatchSender</c>): every entry changed twice, Running before the marketplace call
    /// (round <paramref name="round"/>, odd) and its outcome after it (the next round), with one read to change and one
    /// save per change; the outcome starts from the entries as the first save returned them, and only those whose change
    /// folds lines are read again, whole. Returns how many changes were saved (twice the batch).
    /// </summary>
    public static async Task<int> SendInOneBatchAsync(IJournalStore store, int round)
    {
        var started = (await store.TrySaveManyAsync(await ReadAndChangeAsync(store, round), CancellationToken.None)).OfType<JournalEntry>().ToArray();
        var folding = started.Where(FoldsUnreadLines).Select(e => e.Key).ToArray();
        var whole = folding.Length == 0 ? [] : await store.GetManyAsync(folding, CancellationToken.None);
        var outcomes = started.Where(e => !FoldsUnreadLines(e)).Concat(whole).Select(e => Changed(e, round + 1)).ToArray();
        var done = await store.TrySaveManyAsync(outcomes, CancellationToken.None);
        return started.Length + done.Count(e => e is not null);
    }

    /// <summary>The same status changes as one batch as the journal made them before: one read of whole histories, one <c>TrySaveManyAsync</c>.</summary>
    public static async Task<int> SaveInOneBatchReadingWholeHistoriesAsync(IJournalStore store, int round)
    {
        var entries = await store.GetManyAsync(BatchKeys, CancellationToken.None);
        var saved = await store.TrySaveManyAsync(entries.Select(e => Changed(e, round)).ToArray(), CancellationToken.None);
        return saved.Count(e => e is not null);
    }
}
