using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using NodaTime;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IJournalStore"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="JournalStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.JournalStoreContract</c> for xUnit v3) and supply a fresh, empty store; every
/// test below then runs against it. Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out
/// a second store over the same storage (a second worker process), so that the optimistic-concurrency checks race two
/// instances.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class JournalStoreChecks : StoreContract<IJournalStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly ConnectionId OtherShop = new("store-kit-other");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>Reading a record that has no entry returns nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_UnknownKey_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(new JournalKey(Shop, RecordKind.Order, "1001"), CancellationToken.None));
    }

    /// <summary>A new entry (version zero) is stored with a version above zero and reads back as saved.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_NewEntry_StoresItWithAVersionAboveZero()
    {
        var store = await CreateStoreAsync();
        var entry = Entry(RecordKind.Order, "1001", T0, JournalStatus.Failed) with { Message = "No ERP article for SKU-7", Title = "Erika Mustermann", Attempts = 2 };

        var saved = await store.TrySaveAsync(entry, CancellationToken.None);
        var read = await store.GetAsync(entry.Key, CancellationToken.None);

        Assert.NotNull(saved);
        Assert.True(saved.Version > 0, $"The saved version is {saved.Version}, expected above zero.");
        Assert.NotNull(read);
        AssertSame(saved, read);
        Assert.Equal(JournalStatus.Failed, read.Status);
        Assert.Equal("No ERP article for SKU-7", read.Message);
        Assert.Equal("Erika Mustermann", read.Title);
        Assert.Equal(2, read.Attempts);
        Assert.Equal(T0, read.UpdatedAt);
    }

    /// <summary>
    /// A history whose last line changes in place — a repeat counted on it, a Running line after it dropped — reads
    /// back exactly as saved, with the repeat count, the instant of the last repeat and the next attempt.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_RepeatCountedOnTheLastLine_ReadsBackTheHistoryAsSaved()
    {
        var store = await CreateStoreAsync();
        var mapped = new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped");
        var failed = new JournalStatusChange(T0 + Duration.FromMinutes(1), JournalStatus.Running, JournalStatus.Failed, "refused");
        var running = new JournalStatusChange(T0 + Duration.FromMinutes(5), JournalStatus.Failed, JournalStatus.Running, "sending");
        var first = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-1", T0 + Duration.FromMinutes(5), JournalStatus.Running) with { History = [mapped, failed, running] }, CancellationToken.None);
        Assert.NotNull(first);
        var repeated = failed with { Repeats = 1, LastRepeatedAt = T0 + Duration.FromMinutes(6) };

        var saved = await store.TrySaveAsync(
            first with { Status = JournalStatus.Failed, History = [mapped, repeated], NextAttemptAt = T0 + Duration.FromMinutes(16) },
            CancellationToken.None);
        var read = await store.GetAsync(first.Key, CancellationToken.None);

        Assert.NotNull(saved);
        Assert.NotNull(read);
        Assert.Equal([mapped, repeated], read.History);
        Assert.Equal(T0 + Duration.FromMinutes(16), read.NextAttemptAt);
    }

    /// <summary>
    /// One save that counts a repeat on the line before the last (its Running line going) and then adds a new line
    /// leaves the history as long as it was, with two lines changed: both read back as saved. An order whose hand-over
    /// broke off and is loaded again does this (Queued again, then Running).
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_RepeatOnTheLineBeforeLastAndANewLine_ReadsBackBothLines()
    {
        var store = await CreateStoreAsync();
        var loaded = new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.Queued, "loaded, waiting for the ERP");
        var handing = new JournalStatusChange(T0 + Duration.FromMinutes(1), JournalStatus.Queued, JournalStatus.Running, "handing over to the ERP");
        var first = await store.TrySaveAsync(Entry(RecordKind.Order, "10004711", handing.At, JournalStatus.Running) with { History = [loaded, handing] }, CancellationToken.None);
        Assert.NotNull(first);
        var again = T0 + Duration.FromMinutes(10);
        var repeated = loaded with { Repeats = 1, LastRepeatedAt = again };
        var handingAgain = new JournalStatusChange(again, JournalStatus.Queued, JournalStatus.Running, "handing over to the ERP");

        var saved = await store.TrySaveAsync(first with { UpdatedAt = again, History = [repeated, handingAgain] }, CancellationToken.None);
        var read = await (await CreateSecondInstanceAsync(store)).GetAsync(first.Key, CancellationToken.None);

        Assert.NotNull(saved);
        Assert.NotNull(read);
        Assert.Equal([repeated, handingAgain], read.History);
    }

    /// <summary>
    /// Past the journal's bound, the oldest history lines are folded into <see cref="JournalEntry.EarlierHistory"/>: a
    /// save of the folded entry reads back with exactly that summary and only the newest lines (none of the folded ones
    /// comes back), in this instance and in a store opened anew over the same storage.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_OldestLinesFolded_ReadsBackTheSummaryAndTheNewestLines()
    {
        var store = await CreateStoreAsync();
        var lines = FailingHistory(12);
        var stored = await store.TrySaveAsync(Entry(RecordKind.ArticlePrice, "P-1", lines[^1].At, JournalStatus.Failed) with { History = lines }, CancellationToken.None);
        Assert.NotNull(stored);
        var summary = Summary(lines, 5);
        var newest = new JournalStatusChange(lines[^1].At + Duration.FromMinutes(5), JournalStatus.Failed, JournalStatus.Running, "sending price 13");
        var folded = stored with { Status = JournalStatus.Running, UpdatedAt = newest.At, EarlierHistory = summary, History = [.. lines.Skip(5), newest] };

        var saved = await store.TrySaveAsync(folded, CancellationToken.None);
        var read = await store.GetAsync(folded.Key, CancellationToken.None);
        var reopened = await (await CreateSecondInstanceAsync(store)).GetAsync(folded.Key, CancellationToken.None);

        Assert.NotNull(saved);
        foreach (var entry in new[] { read, reopened })
        {
            Assert.NotNull(entry);
            Assert.Equal(summary, entry.EarlierHistory);
            Assert.Equal([.. lines.Skip(5), newest], entry.History);
            Assert.Equal(13, entry.HistoryLineCount);
        }
    }

    /// <summary>
    /// A folded history goes on as any other: a repeat counted on its last line, a Running line dropped, a second
    /// fold of the next chunk — each save reads back exactly as saved, the summary included.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_FoldedHistoryRepeatedAndFoldedAgain_ReadsBackAsSaved()
    {
        var store = await CreateStoreAsync();
        var lines = FailingHistory(14);
        var first = await store.TrySaveAsync(
            Entry(RecordKind.ArticlePrice, "P-2", lines[^1].At, JournalStatus.Failed) with { EarlierHistory = Summary(lines, 4), History = lines[4..] },
            CancellationToken.None);
        Assert.NotNull(first);
        var repeated = lines[^1] with { Repeats = 1, LastRepeatedAt = lines[^1].At + Duration.FromMinutes(10) };

        var second = await store.TrySaveAsync(first with { History = [.. lines[4..^1], repeated] }, CancellationToken.None);
        Assert.NotNull(second);
        var third = await store.TrySaveAsync(second with { EarlierHistory = Summary(lines, 9), History = [.. lines[9..^1], repeated] }, CancellationToken.None);
        var read = await (await CreateSecondInstanceAsync(store)).GetAsync(first.Key, CancellationToken.None);

        Assert.NotNull(third);
        Assert.NotNull(read);
        Assert.Equal(Summary(lines, 9), read.EarlierHistory);
        Assert.Equal([.. lines[9..^1], repeated], read.History);
        Assert.Equal(third.Version, read.Version);
    }

    /// <summary>
    /// Text holding a NUL character (which a marketplace can send) is stored, in the message, the title and the history:
    /// it reads back as sent, or with U+FFFD in place of each NUL where the database's text cannot hold one.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_TextWithNulCharacter_StoresIt()
    {
        var store = await CreateStoreAsync();
        const string withNul = "the marketplace rejected stock 7: bad\0value";
        const string StoredWithoutNul = "the marketplace rejected stock 7: bad\uFFFDvalue";
        var change = new JournalStatusChange(T0, JournalStatus.Running, JournalStatus.Failed, withNul);
        var entry = Entry(RecordKind.ArticleStock, "A-NUL", T0, JournalStatus.Failed) with { Message = withNul, Title = "Hose\0blau", History = [change] };

        var saved = await store.TrySaveAsync(entry, CancellationToken.None);
        var read = await store.GetAsync(entry.Key, CancellationToken.None);

        Assert.NotNull(saved);
        Assert.NotNull(read);
        Assert.True(read.Message is withNul or StoredWithoutNul, $"The message reads back as '{read.Message}'.");
        Assert.True(read.Title is "Hose\0blau" or "Hose\uFFFDblau", $"The title reads back as '{read.Title}'.");
        Assert.True(Assert.Single(read.History).Message is withNul or StoredWithoutNul, $"The history line reads back as '{read.History[0].Message}'.");
    }

    /// <summary>
    /// Adding entries in bulk stores those whose records have none (the first of two with one key) and leaves
    /// stored entries exactly as they were.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task AddMissing_SomeRecordsListedAlready_StoresOnlyTheNewOnes()
    {
        var store = await CreateStoreAsync();
        var stored = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-1", T0, JournalStatus.Succeeded) with { Message = "sent 7" }, CancellationToken.None);
        Assert.NotNull(stored);
        var mapped = new JournalStatusChange(T0 + Duration.FromMinutes(1), JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped");
        JournalEntry NotSynced(string key) => Entry(RecordKind.ArticleStock, key, T0 + Duration.FromMinutes(1), JournalStatus.NotSynced) with { Message = "mapped", History = [mapped], Title = key };

        var added = await store.AddMissingAsync([NotSynced("A-1"), NotSynced("A-2"), NotSynced("A-3"), NotSynced("A-2") with { Title = "second" }], CancellationToken.None);

        Assert.Equal(2, added);
        var first = await store.GetAsync(stored.Key, CancellationToken.None);
        Assert.NotNull(first);
        AssertSame(stored, first);
        foreach (var key in new[] { "A-2", "A-3" })
        {
            var read = await store.GetAsync(new JournalKey(Shop, RecordKind.ArticleStock, key), CancellationToken.None);
            Assert.NotNull(read);
            Assert.Equal((JournalStatus.NotSynced, "mapped", key, 1), (read.Status, read.Message, read.Title, read.History.Count));
            Assert.True(read.Version > 0, $"{key} has version {read.Version}, expected above zero.");
        }
    }

    /// <summary>A batch read returns the stored entries of the keys asked for, with their history, and leaves out records without one.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task GetMany_SomeRecordsWithoutEntry_ReturnsTheStoredOnes()
    {
        var store = await CreateStoreAsync();
        var sent = new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.Succeeded, "sent 7");
        var first = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-1", T0, JournalStatus.Succeeded) with { Message = "sent 7", History = [sent] }, CancellationToken.None);
        var second = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-2", T0, JournalStatus.Failed), CancellationToken.None);
        await store.TrySaveAsync(Entry(RecordKind.Order, "A-1", T0), CancellationToken.None);
        Assert.NotNull(first);
        Assert.NotNull(second);

        var read = await store.GetManyAsync([first.Key, second.Key, new JournalKey(Shop, RecordKind.ArticleStock, "A-3")], CancellationToken.None);

        Assert.Equal(2, read.Count);
        var readFirst = Assert.Single(read, e => e.Key == first.Key);
        AssertSame(first, readFirst);
        Assert.Equal("sent 7", Assert.Single(readFirst.History).Message);
        AssertSame(second, Assert.Single(read, e => e.Key == second.Key));
    }

    /// <summary>
    /// A read to change entries (<see cref="IJournalStore.GetManyToChangeAsync"/>) may leave out older history lines, but
    /// never one a status change needs: each entry's history is a tail of the whole one with the newest two lines and
    /// every line from the newest one that ends a run of failures, <see cref="JournalEntry.HistoryLinesNotRead"/> counts
    /// the lines left out, and the failures in a row and the line count read as on the whole entry. A store that reads
    /// whole histories passes as well.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task GetManyToChange_LongHistories_LeavesOutNoLineAStatusChangeNeeds()
    {
        var store = await CreateStoreAsync();
        var failing = FailingHistory(14);
        var sentThenFailing = SentThenFailingHistory();
        var whole = new List<JournalEntry>();
        foreach (var (key, entry) in new[]
        {
            // "sent 2" ends the failures: the lines before it may be left out.
            ("A-1", Entry(RecordKind.ArticleStock, "A-1", sentThenFailing[^1].At, JournalStatus.Failed) with { History = sentThenFailing }),

            // Nothing but failures after a fold: the count goes on into the summary, so no line may be left out.
            ("A-2", Entry(RecordKind.ArticleStock, "A-2", failing[^1].At, JournalStatus.Failed) with { EarlierHistory = Summary(failing, 4), History = failing[4..] }),

            // Succeeded at the end after a fold: the newest two lines are enough.
            ("A-3", Entry(RecordKind.ArticleStock, "A-3", sentThenFailing[4].At, JournalStatus.Succeeded) with { EarlierHistory = Summary(sentThenFailing, 2), History = sentThenFailing[2..5] }),

            // No history yet.
            ("A-4", Entry(RecordKind.ArticleStock, "A-4", T0, JournalStatus.NotSynced)),
        })
        {
            whole.Add(await store.TrySaveAsync(entry, CancellationToken.None) ?? throw new InvalidOperationException($"Seeding {key} was refused."));
        }

        var read = await store.GetManyToChangeAsync([.. whole.Select(e => e.Key)], CancellationToken.None);

        Assert.Equal(whole.Count, read.Count);
        foreach (var entry in whole)
        {
            var tail = Assert.Single(read, e => e.Key == entry.Key);
            var needed = LinesAStatusChangeNeeds(entry.History);
            Assert.True(
                tail.HistoryLinesNotRead >= 0 && tail.HistoryLinesNotRead <= entry.History.Count - needed,
                $"{entry.Key} was read without {tail.HistoryLinesNotRead} of its {entry.History.Count} lines; a status change needs the newest {needed}.");
            Assert.Equal(entry.History.Skip(tail.HistoryLinesNotRead), tail.History);
            Assert.Equal(
                (entry.Status, entry.Version, entry.EarlierHistory, entry.HistoryLineCount, entry.ConsecutiveFailures),
                (tail.Status, tail.Version, tail.EarlierHistory, tail.HistoryLineCount, tail.ConsecutiveFailures));
        }
    }

    /// <summary>
    /// An entry read to change it saves as any other, single and in a batch: the lines it was read without stay as
    /// stored, a new line is appended, a repeat counted on a line it holds and a Running line after it dropped — and a
    /// whole read afterwards returns the whole history as it now is.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_EntryReadToChange_KeepsTheLinesLeftOutAndSavesTheRest()
    {
        var store = await CreateStoreAsync();
        var lines = SentThenFailingHistory()[..5];
        var stored = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-1", lines[^1].At, JournalStatus.Succeeded) with { History = lines }, CancellationToken.None);
        var other = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-2", T0, JournalStatus.NotSynced), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.NotNull(other);
        var running = new JournalStatusChange(lines[^1].At + Duration.FromMinutes(5), JournalStatus.Succeeded, JournalStatus.Running, "sending 2");
        var repeated = lines[^1] with { Repeats = 1, LastRepeatedAt = running.At + Duration.FromSeconds(2) };

        var tail = Assert.Single(await store.GetManyToChangeAsync([stored.Key], CancellationToken.None));
        var started = await store.TrySaveAsync(tail with { Status = JournalStatus.Running, UpdatedAt = running.At, History = [.. tail.History, running] }, CancellationToken.None);
        Assert.NotNull(started);
        var afterStart = await store.GetAsync(stored.Key, CancellationToken.None);
        Assert.NotNull(afterStart);
        Assert.Equal([.. lines, running], afterStart.History);

        var tails = await store.GetManyToChangeAsync([stored.Key, other.Key], CancellationToken.None);
        var again = Assert.Single(tails, e => e.Key == stored.Key);
        var otherTail = Assert.Single(tails, e => e.Key == other.Key);
        var finished = again with { Status = JournalStatus.Succeeded, UpdatedAt = repeated.LastRepeatedAt!.Value, History = [.. again.History.SkipLast(2), repeated] };
        var saved = await store.TrySaveManyAsync([finished, otherTail with { Message = "stock is off" }], CancellationToken.None);
        var read = await (await CreateSecondInstanceAsync(store)).GetAsync(stored.Key, CancellationToken.None);

        Assert.All(saved, Assert.NotNull);
        Assert.NotNull(read);
        Assert.Equal([.. lines[..^1], repeated], read.History);
        Assert.Equal((0, JournalStatus.Succeeded, saved[0]!.Version), (read.HistoryLinesNotRead, read.Status, read.Version));
    }

    /// <summary>
    /// A batch save stores every entry whose version still matches, each with its new version, and leaves an entry
    /// another writer saved in between alone, answering null for it.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySaveMany_OneEntryChangedInBetween_SavesTheOthersAndRefusesIt()
    {
        var store = await CreateStoreAsync();
        var first = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-1", T0, JournalStatus.NotSynced), CancellationToken.None);
        var second = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-2", T0, JournalStatus.NotSynced), CancellationToken.None);
        Assert.NotNull(first);
        Assert.NotNull(second);
        var other = await store.TrySaveAsync(second with { Message = "someone else" }, CancellationToken.None);
        Assert.NotNull(other);
        var later = T0 + Duration.FromMinutes(1);
        var change = new JournalStatusChange(later, JournalStatus.NotSynced, JournalStatus.NotSynced, "stock is off");

        var saved = await store.TrySaveManyAsync(
            [first with { Message = "stock is off", UpdatedAt = later, History = [change] }, second with { Message = "stock is off", UpdatedAt = later }],
            CancellationToken.None);

        Assert.Equal(2, saved.Count);
        Assert.NotNull(saved[0]);
        Assert.Null(saved[1]);
        var readFirst = await store.GetAsync(first.Key, CancellationToken.None);
        var readSecond = await store.GetAsync(second.Key, CancellationToken.None);
        Assert.NotNull(readFirst);
        Assert.NotNull(readSecond);
        AssertSame(saved[0]!, readFirst);
        Assert.Equal(("stock is off", 1), (readFirst.Message, readFirst.History.Count));
        Assert.Equal("someone else", readSecond.Message);
    }

    /// <summary>
    /// A batch with two new entries of one key (a marketplace page that lists an order twice) stores the first and
    /// answers the second as stale (null), like two writers racing, instead of failing the whole batch.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySaveMany_TwoNewEntriesOfOneKey_StoresTheFirstAndReportsTheSecond()
    {
        var store = await CreateStoreAsync();
        var first = Entry(RecordKind.Order, "10004711", T0, JournalStatus.Queued) with { Message = "first" };
        var second = Entry(RecordKind.Order, "10004711", T0, JournalStatus.Queued) with { Message = "second" };
        var other = Entry(RecordKind.Order, "10004712", T0, JournalStatus.Queued);

        var saved = await store.TrySaveManyAsync([first, second, other], CancellationToken.None);

        Assert.NotNull(saved[0]);
        Assert.Null(saved[1]);
        Assert.NotNull(saved[2]);
        var read = await store.GetAsync(first.Key, CancellationToken.None);
        Assert.Equal("first", read?.Message);
        Assert.NotNull(await store.GetAsync(other.Key, CancellationToken.None));
    }

    /// <summary>
    /// A batch save of new and stored entries with a stale one in the middle stores every other entry — those after the
    /// stale one too — with its new version and its appended history line, answers null for the stale one and leaves
    /// it as the other writer saved it, history included.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySaveMany_StaleEntryInTheMiddle_SavesTheOthersAndReportsIt()
    {
        var store = await CreateStoreAsync();
        var mapped = new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped");
        var stored = new List<JournalEntry>();
        foreach (var key in new[] { "A-1", "A-2", "A-3" })
        {
            stored.Add(await store.TrySaveAsync(Entry(RecordKind.ArticleStock, key, T0, JournalStatus.NotSynced) with { Message = "mapped", History = [mapped] }, CancellationToken.None)
                ?? throw new InvalidOperationException($"Seeding {key} was refused."));
        }

        Assert.NotNull(await store.TrySaveAsync(stored[1] with { Message = "someone else" }, CancellationToken.None));
        var later = T0 + Duration.FromMinutes(1);
        var sent = new JournalStatusChange(later, JournalStatus.NotSynced, JournalStatus.Succeeded, "sent 7");
        JournalEntry Sent(JournalEntry entry) => entry with { Status = JournalStatus.Succeeded, Message = "sent 7", UpdatedAt = later, History = [.. entry.History, sent] };

        var saved = await store.TrySaveManyAsync(
            [Sent(stored[0]), Sent(stored[1]), Sent(Entry(RecordKind.ArticleStock, "A-4", T0, JournalStatus.NotSynced) with { History = [mapped] }), Sent(stored[2])],
            CancellationToken.None);

        Assert.Equal(4, saved.Count);
        Assert.Null(saved[1]);
        foreach (var (index, key) in new[] { (0, "A-1"), (2, "A-4"), (3, "A-3") })
        {
            Assert.NotNull(saved[index]);
            var read = await store.GetAsync(saved[index]!.Key, CancellationToken.None);
            Assert.NotNull(read);
            AssertSame(saved[index]!, read);
            Assert.Equal((key, JournalStatus.Succeeded, 2, "sent 7"), (read.Key.RecordKey, read.Status, read.History.Count, read.History[^1].Message));
        }

        var stale = await store.GetAsync(stored[1].Key, CancellationToken.None);
        Assert.NotNull(stale);
        Assert.Equal(("someone else", JournalStatus.NotSynced, 1), (stale.Message, stale.Status, stale.History.Count));
    }

    /// <summary>
    /// A batch save that fails part way — an entry without history after two good ones — writes nothing: the entries
    /// before it keep their stored version, message and history, and a new entry before it is not stored.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySaveMany_PoisonedEntryPartWay_WritesNothing()
    {
        var store = await CreateStoreAsync();
        var mapped = new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped");
        var first = await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-1", T0, JournalStatus.NotSynced) with { Message = "mapped", History = [mapped] }, CancellationToken.None);
        Assert.NotNull(first);
        var later = T0 + Duration.FromMinutes(1);
        var sent = new JournalStatusChange(later, JournalStatus.NotSynced, JournalStatus.Succeeded, "sent 7");

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TrySaveManyAsync(
            [
                first with { Status = JournalStatus.Succeeded, Message = "sent 7", UpdatedAt = later, History = [mapped, sent] },
                Entry(RecordKind.ArticleStock, "A-2", later, JournalStatus.Succeeded) with { History = [sent] },
                Entry(RecordKind.ArticleStock, "A-3", later) with { History = null! },
            ],
            CancellationToken.None));

        var read = await store.GetAsync(first.Key, CancellationToken.None);
        Assert.NotNull(read);
        AssertSame(first, read);
        Assert.Single(read.History);
        Assert.Null(await store.GetAsync(new JournalKey(Shop, RecordKind.ArticleStock, "A-2"), CancellationToken.None));
        Assert.NotNull(await store.TrySaveAsync(first with { Message = "still current" }, CancellationToken.None));
    }

    /// <summary>Every save of an entry gives it a greater version than the one before.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_CurrentVersion_VersionGrows()
    {
        var store = await CreateStoreAsync();
        var current = await store.TrySaveAsync(Entry(RecordKind.Order, "1001", T0), CancellationToken.None);

        for (var i = 1; i <= 5; i++)
        {
            Assert.NotNull(current);
            var next = await store.TrySaveAsync(current with { Attempts = i, UpdatedAt = T0 + Duration.FromMinutes(i) }, CancellationToken.None);
            Assert.NotNull(next);
            Assert.True(next.Version > current.Version, $"Save {i}: version {next.Version} after {current.Version}, expected it to grow.");
            current = next;
        }

        Assert.NotNull(current);
        var read = await store.GetAsync(current.Key, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(current.Version, read.Version);
        Assert.Equal(5, read.Attempts);
    }

    /// <summary>Saving an entry read before another writer saved it is refused and leaves the stored entry alone.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_StaleVersion_ReturnsNullAndKeepsTheStoredEntry()
    {
        var store = await CreateStoreAsync();
        var first = await store.TrySaveAsync(Entry(RecordKind.Order, "1001", T0), CancellationToken.None);
        Assert.NotNull(first);
        var second = await store.TrySaveAsync(first with { Status = JournalStatus.Succeeded, Message = "winner" }, CancellationToken.None);
        Assert.NotNull(second);

        var stale = await store.TrySaveAsync(first with { Status = JournalStatus.Failed, Message = "loser" }, CancellationToken.None);
        var read = await store.GetAsync(first.Key, CancellationToken.None);

        Assert.Null(stale);
        Assert.NotNull(read);
        AssertSame(second, read);
        Assert.Equal("winner", read.Message);
    }

    /// <summary>Saving a new entry (version zero) over one that is already stored is refused.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_NewEntryOverAStoredOne_ReturnsNullAndKeepsTheStoredEntry()
    {
        var store = await CreateStoreAsync();
        var stored = await store.TrySaveAsync(Entry(RecordKind.Order, "1001", T0) with { Message = "first" }, CancellationToken.None);
        Assert.NotNull(stored);

        var again = await store.TrySaveAsync(Entry(RecordKind.Order, "1001", T0) with { Message = "second" }, CancellationToken.None);
        var read = await store.GetAsync(stored.Key, CancellationToken.None);

        Assert.Null(again);
        Assert.NotNull(read);
        Assert.Equal("first", read.Message);
        Assert.Equal(stored.Version, read.Version);
    }

    /// <summary>A version the store never handed out (ahead of the stored one) is refused too.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_VersionAheadOfTheStoredOne_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        var stored = await store.TrySaveAsync(Entry(RecordKind.Order, "1001", T0), CancellationToken.None);
        Assert.NotNull(stored);

        Assert.Null(await store.TrySaveAsync(stored with { Version = stored.Version + 7, Message = "ahead" }, CancellationToken.None));
        Assert.Null(await store.TrySaveAsync(Entry(RecordKind.Order, "1002", T0) with { Version = 3 }, CancellationToken.None));
        Assert.Null(await store.GetAsync(new JournalKey(Shop, RecordKind.Order, "1002"), CancellationToken.None));
    }

    /// <summary>Two writers (two store instances over the same storage) saving the same version at once: exactly one wins.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var current = await store.TrySaveAsync(Entry(RecordKind.Order, "1001", T0), CancellationToken.None);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            Assert.NotNull(current);
            var read = current;
            var results = await RaceAsync(
                async () => await store.TrySaveAsync(read with { Message = "A" + round }, CancellationToken.None),
                async () => await other.TrySaveAsync(read with { Message = "B" + round }, CancellationToken.None));

            var winners = results.Where(r => r is not null).ToArray();
            Assert.True(winners.Length == 1, $"Round {round}: {winners.Length} writers won version {read.Version}, expected exactly one.");
            var stored = await other.GetAsync(read.Key, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal(winners[0]!.Message, stored.Message);
            current = stored;
        }
    }

    /// <summary>
    /// Many writers on two instances, each reading, changing and retrying until its save wins: no update is lost and no
    /// version is handed out twice.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_ManyWritersRetryingThroughTwoInstances_NoUpdateIsLost()
    {
        const int Writers = 8;
        const int IncrementsEach = 25;
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var key = new JournalKey(Shop, RecordKind.ArticleStock, "A-1");
        Assert.NotNull(await store.TrySaveAsync(Entry(RecordKind.ArticleStock, "A-1", T0), CancellationToken.None));

        var versions = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var instance = w % 2 == 0 ? store : other;
            var won = new List<long>();
            while (won.Count < IncrementsEach)
            {
                var read = await instance.GetAsync(key, CancellationToken.None) ?? throw new InvalidOperationException("The entry vanished.");
                var saved = await instance.TrySaveAsync(read with { Attempts = read.Attempts + 1 }, CancellationToken.None);
                if (saved is not null)
                {
                    won.Add(saved.Version);
                }
            }

            return won;
        })));

        var final = await store.GetAsync(key, CancellationToken.None);
        Assert.NotNull(final);
        Assert.Equal(Writers * IncrementsEach, final.Attempts);
        var all = versions.SelectMany(v => v).ToArray();
        Assert.Equal(all.Length, all.Distinct().Count());
    }

    /// <summary>The names of the queries <see cref="Query_Filter_ReturnsWhatMatchesSaysInOrderWithTheTotal"/> runs.</summary>
    public static IReadOnlyList<string> QueryCaseNames { get; } = [.. Queries().Keys];

    /// <summary>
    /// A query returns exactly the entries <see cref="JournalQuery.Matches"/> accepts, in <see cref="JournalQuery.Order"/>,
    /// with the number of all matches as the total.
    /// </summary>
    /// <param name="queryCase">The name of the query (see <see cref="QueryCaseNames"/>).</param>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Query_Filter_ReturnsWhatMatchesSaysInOrderWithTheTotal(string queryCase)
    {
        var store = await CreateStoreAsync();
        var seeded = await SeedAsync(store);
        var query = Queries()[queryCase];
        var expected = seeded.Where(query.Matches).Order(JournalQuery.Order).Select(e => e.Key.ToString()).ToArray();

        var page = await store.QueryAsync(query, 0, 1000, CancellationToken.None);

        Assert.Equal(expected, page.Entries.Select(e => e.Key.ToString()).ToArray());
        Assert.Equal(expected.Length, page.TotalCount);
    }

    /// <summary>Pages of a query neither overlap nor skip entries, and each carries the total of all matches.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Query_Pages_CoverEveryMatchOnceWithTheTotal()
    {
        var store = await CreateStoreAsync();
        var seeded = await SeedAsync(store);
        var query = new JournalQuery(Shop, RecordKind.Order);
        var expected = seeded.Where(query.Matches).Order(JournalQuery.Order).Select(e => e.Key.ToString()).ToArray();
        Assert.True(expected.Length > 6, "The seed must fill more than two pages.");

        var paged = new List<string>();
        for (var skip = 0; skip < expected.Length + 3; skip += 3)
        {
            var page = await store.QueryAsync(query, skip, 3, CancellationToken.None);
            Assert.Equal(expected.Length, page.TotalCount);
            Assert.True(page.Entries.Count <= 3, $"A page of three held {page.Entries.Count} entries.");
            paged.AddRange(page.Entries.Select(e => e.Key.ToString()));
        }

        Assert.Equal(expected, paged.ToArray());
    }

    /// <summary>
    /// Following the continuation tokens of a query's keyset pages yields every match exactly once, in
    /// <see cref="JournalQuery.Order"/>, while nothing changes; each page carries the exact total (the seed is far below
    /// the exact-total limit) and the last one no token.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task QueryPage_FollowingTheTokens_CoversEveryMatchOnceInOrder()
    {
        var store = await CreateStoreAsync();
        var seeded = await SeedAsync(store);
        foreach (var (name, query) in Queries())
        {
            var expected = seeded.Where(query.Matches).Order(JournalQuery.Order).Select(e => e.Key.ToString()).ToArray();
            var paged = new List<string>();
            var request = JournalPageRequest.First(3);
            for (var pages = 0; pages <= expected.Length; pages++)
            {
                var page = await store.QueryPageAsync(query, request, CancellationToken.None);
                Assert.True(page.TotalCount == expected.Length && !page.TotalIsEstimate, $"Query '{name}': total {page.TotalCount} (estimate: {page.TotalIsEstimate}), expected exactly {expected.Length}.");
                Assert.True(page.Entries.Count <= 3, $"Query '{name}': a page of three held {page.Entries.Count} entries.");
                paged.AddRange(page.Entries.Select(e => e.Key.ToString()));
                if (page.NextPage is null)
                {
                    break;
                }

                Assert.True(page.Entries.Count == 3, $"Query '{name}': a page with a next page held {page.Entries.Count} entries, not three.");
                request = JournalPageRequest.After(page.NextPage, 3);
            }

            Assert.True(expected.SequenceEqual(paged), $"Query '{name}': pages [{string.Join(", ", paged)}], expected [{string.Join(", ", expected)}].");
        }
    }

    /// <summary>The last page holds the last matches of a query, in <see cref="JournalQuery.Order"/>, with the total and no next page.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task QueryPage_Last_ReturnsTheLastMatchesInQueryOrder()
    {
        var store = await CreateStoreAsync();
        var seeded = await SeedAsync(store);
        foreach (var (name, query) in Queries())
        {
            var expected = seeded.Where(query.Matches).Order(JournalQuery.Order).Select(e => e.Key.ToString()).ToArray();

            var page = await store.QueryPageAsync(query, JournalPageRequest.Last(3), CancellationToken.None);

            var last = page.Entries.Select(e => e.Key.ToString()).ToArray();
            Assert.True(expected.TakeLast(3).SequenceEqual(last), $"Query '{name}': last page [{string.Join(", ", last)}], expected [{string.Join(", ", expected.TakeLast(3))}].");
            Assert.Equal(expected.Length, page.TotalCount);
            Assert.Null(page.NextPage);
        }
    }

    /// <summary>A continuation token read with one query is refused by another, with an <see cref="ArgumentException"/>.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task QueryPage_TokenOfAnotherQuery_IsRefused()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store);
        var everything = new JournalQuery(Shop, RecordKind.Order);
        var first = await store.QueryPageAsync(everything, JournalPageRequest.First(2), CancellationToken.None);
        Assert.NotNull(first.NextPage);
        var failed = everything with { Statuses = [JournalStatus.Failed] };

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.QueryPageAsync(failed, JournalPageRequest.After(first.NextPage, 2), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.QueryPageAsync(everything, JournalPageRequest.After("not-a-token", 2), CancellationToken.None));
    }

    /// <summary>
    /// A total is flagged as an estimate only when more entries match than the request's exact-total limit; an
    /// unflagged total is exact, and a flagged one is at least the limit. (The seed is far below any store's bound on
    /// the entries one page reads, past which a store may also estimate a smaller total.)
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task QueryPage_MoreMatchesThanTheExactLimit_FlagsAnyEstimateHonestly()
    {
        var store = await CreateStoreAsync();
        var seeded = await SeedAsync(store);
        foreach (var (name, query) in Queries())
        {
            var matches = seeded.Count(query.Matches);
            foreach (var limit in new[] { 0, 2, matches })
            {
                var page = await store.QueryPageAsync(query, JournalPageRequest.First(3) with { ExactTotalLimit = limit }, CancellationToken.None);

                Assert.True(
                    page.TotalIsEstimate ? matches > limit && page.TotalCount >= limit : page.TotalCount == matches,
                    $"Query '{name}', exact up to {limit}: total {page.TotalCount} (estimate: {page.TotalIsEstimate}), {matches} match.");
            }
        }
    }

    /// <summary>Listing the keys of a query yields the keys of exactly its matches, in <see cref="JournalQuery.Order"/>.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task ListKeys_Filter_ReturnsTheMatchingKeysInQueryOrder()
    {
        var store = await CreateStoreAsync();
        var seeded = await SeedAsync(store);
        foreach (var (name, query) in Queries())
        {
            var expected = seeded.Where(query.Matches).Order(JournalQuery.Order).Select(e => e.Key).ToArray();

            var keys = await ToListAsync(store.ListKeysAsync(query, CancellationToken.None));

            Assert.True(expected.SequenceEqual(keys), $"Query '{name}': keys [{string.Join(", ", keys)}], expected [{string.Join(", ", expected)}].");
        }
    }

    /// <summary>Listing a connection yields every entry of that connection and none of another.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task List_Connection_ReturnsExactlyItsEntries()
    {
        var store = await CreateStoreAsync();
        var seeded = await SeedAsync(store);
        var expected = seeded.Where(e => e.Key.Connection == Shop).Select(e => e.Key.ToString()).Order(StringComparer.Ordinal).ToArray();

        var listed = await ToListAsync(store.ListAsync(Shop, CancellationToken.None));

        Assert.Equal(expected, listed.Select(e => e.Key.ToString()).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Within one record kind, a connection's entries are listed in record-key order (ordinal).</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task List_Connection_ListsEachKindInRecordKeyOrder()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store);

        var listed = await ToListAsync(store.ListAsync(Shop, CancellationToken.None));

        foreach (var kind in listed.Select(e => e.Key.Kind).Distinct())
        {
            var keys = listed.Where(e => e.Key.Kind == kind).Select(e => e.Key.RecordKey).ToArray();
            Assert.Equal(keys.Order(StringComparer.Ordinal).ToArray(), keys);
        }
    }

    private static Dictionary<string, JournalQuery> Queries() => new(StringComparer.Ordinal)
    {
        ["orders, everything"] = new(Shop, RecordKind.Order),
        ["orders of the other connection"] = new(OtherShop, RecordKind.Order),
        ["stock, everything"] = new(Shop, RecordKind.ArticleStock),
        ["orders failed or warning"] = new(Shop, RecordKind.Order) { Statuses = [JournalStatus.Failed, JournalStatus.Warning] },
        ["orders changed in a window"] = new(Shop, RecordKind.Order) { ChangedFrom = T0 + Duration.FromMinutes(2), ChangedTo = T0 + Duration.FromMinutes(5) },
        ["orders text in key, case-insensitive"] = new(Shop, RecordKind.Order) { Text = "ab-10" },
        ["orders text in title or message"] = new(Shop, RecordKind.Order) { Text = " MUSTER " },
        ["orders placed in a window"] = new(Shop, RecordKind.Order) { OrderDateFrom = T0 - Duration.FromDays(3), OrderDateTo = T0 - Duration.FromDays(1) },
        ["stock matrix parents only"] = new(Shop, RecordKind.ArticleStock) { ArticleTypes = ArticleTypeFilter.MatrixParentsOnly },
        ["stock no variants"] = new(Shop, RecordKind.ArticleStock) { ArticleTypes = ArticleTypeFilter.NoVariants },
        ["stock variants only"] = new(Shop, RecordKind.ArticleStock) { ArticleTypes = ArticleTypeFilter.VariantsOnly },
        ["order status tracking pending"] = new(Shop, RecordKind.OrderStatus) { Tracking = TrackingExportState.Pending },
        ["orders everything combined"] = new(Shop, RecordKind.Order)
        {
            Statuses = [JournalStatus.Failed],
            ChangedFrom = T0,
            ChangedTo = T0 + Duration.FromMinutes(9),
            Text = "1",
            OrderDateFrom = T0 - Duration.FromDays(5),
        },
        ["nothing matches"] = new(Shop, RecordKind.Order) { Text = "no such text anywhere" },

        // Each way a store may read a page: one status in page order, with a window and text on top; an article kind or
        // a tracking state with the other criteria checked beside it; several statuses or an order-date range sorted;
        // text too short for a trigram index; a window nothing is in.
        ["orders one status"] = new(Shop, RecordKind.Order) { Statuses = [JournalStatus.Failed] },
        ["orders one status, a window and text"] = new(Shop, RecordKind.Order)
        {
            Statuses = [JournalStatus.NotSynced], ChangedFrom = T0, ChangedTo = T0 + Duration.FromMinutes(4), Text = "muster",
        },
        ["orders several statuses in a window"] = new(Shop, RecordKind.Order)
        {
            Statuses = [JournalStatus.NotSynced, JournalStatus.Queued, JournalStatus.Failed], ChangedFrom = T0 + Duration.FromMinutes(1),
        },
        ["orders one status placed in a window"] = new(Shop, RecordKind.Order)
        {
            Statuses = [JournalStatus.NotSynced], OrderDateFrom = T0 - Duration.FromDays(1), OrderDateTo = T0 + Duration.FromDays(1),
        },
        ["orders short text"] = new(Shop, RecordKind.Order) { Text = "z-" },
        ["orders short text and one status"] = new(Shop, RecordKind.Order) { Text = "1", Statuses = [JournalStatus.Queued] },
        ["orders in an empty window"] = new(Shop, RecordKind.Order) { ChangedFrom = T0 + Duration.FromMinutes(2), ChangedTo = T0 + Duration.FromMinutes(2) },
        ["stock matrix parents of one status"] = new(Shop, RecordKind.ArticleStock) { ArticleTypes = ArticleTypeFilter.MatrixParentsOnly, Statuses = [JournalStatus.Queued] },
        ["stock no variants of two statuses"] = new(Shop, RecordKind.ArticleStock)
        {
            ArticleTypes = ArticleTypeFilter.NoVariants, Statuses = [JournalStatus.NotSynced, JournalStatus.Succeeded],
        },
        ["order status tracking placed in a window"] = new(Shop, RecordKind.OrderStatus)
        {
            Tracking = TrackingExportState.Pending, OrderDateFrom = T0 - Duration.FromDays(2), ChangedTo = T0 + Duration.FromMinutes(3),
        },
        ["text with a NUL character"] = new(Shop, RecordKind.Order) { Text = "Muster\0straße" },
    };

    // Entries with equal UpdatedAt check the record-key tie-break; keys are chosen so that ordinal and
    // culture order differ ("AB-10" vs "ab-2").
    private static async Task<List<JournalEntry>> SeedAsync(IJournalStore store)
    {
        var statuses = Enum.GetValues<JournalStatus>();
        var seeds = new List<JournalEntry>();
        string[] orderKeys = ["AB-10", "ab-2", "1001", "1002", "1003", "Z-9", "z-1", "1010", "2000", "_x"];
        for (var i = 0; i < orderKeys.Length; i++)
        {
            seeds.Add(Entry(RecordKind.Order, orderKeys[i], T0 + Duration.FromMinutes(i / 2), statuses[i % statuses.Length]) with
            {
                Title = i % 3 == 0 ? "Erika Mustermann" : "John Doe",
                Message = i % 4 == 1 ? "Musterstraße unknown" : null,
                OrderDate = i % 5 == 4 ? null : T0 - Duration.FromDays(i % 5),
            });
        }

        ArticleKind?[] kinds = [ArticleKind.Simple, ArticleKind.MatrixParent, ArticleKind.Variant, null];
        for (var i = 0; i < 8; i++)
        {
            seeds.Add(Entry(RecordKind.ArticleStock, "A-" + i, T0 + Duration.FromMinutes(i % 3), statuses[i % statuses.Length]) with
            {
                ArticleKind = kinds[i % kinds.Length],
                ParentArticleNumber = kinds[i % kinds.Length] == ArticleKind.Variant ? "A-1" : null,
            });
        }

        var tracking = Enum.GetValues<TrackingExportState>();
        for (var i = 0; i < 6; i++)
        {
            seeds.Add(Entry(RecordKind.OrderStatus, "S-" + i, T0 + Duration.FromMinutes(i), JournalStatus.Succeeded) with
            {
                Tracking = i == 5 ? null : tracking[i % tracking.Length],
                OrderDate = T0 - Duration.FromDays(1),
            });
        }

        for (var i = 0; i < 3; i++)
        {
            seeds.Add(Entry(RecordKind.Order, "1001", T0, JournalStatus.Failed) with { Key = new JournalKey(OtherShop, RecordKind.Order, "O-" + i) });
        }

        var saved = new List<JournalEntry>();
        foreach (var seed in seeds)
        {
            saved.Add(await store.TrySaveAsync(seed, CancellationToken.None) ?? throw new InvalidOperationException($"Seeding {seed.Key} was refused."));
        }

        return saved;
    }

    // "mapped", two sends that succeeded, then a run of failures: Running and Failed lines in turn.
    private static JournalStatusChange[] SentThenFailingHistory() =>
    [
        new(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped"),
        new(T0 + Duration.FromMinutes(5), JournalStatus.NotSynced, JournalStatus.Running, "sending 1"),
        new(T0 + Duration.FromMinutes(6), JournalStatus.Running, JournalStatus.Succeeded, "sent 1"),
        new(T0 + Duration.FromMinutes(10), JournalStatus.Succeeded, JournalStatus.Running, "sending 2"),
        new(T0 + Duration.FromMinutes(11), JournalStatus.Running, JournalStatus.Succeeded, "sent 2"),
        new(T0 + Duration.FromMinutes(15), JournalStatus.Succeeded, JournalStatus.Running, "sending 3"),
        new(T0 + Duration.FromMinutes(16), JournalStatus.Running, JournalStatus.Failed, "3 refused"),
        new(T0 + Duration.FromMinutes(20), JournalStatus.Failed, JournalStatus.Running, "sending 3"),
        new(T0 + Duration.FromMinutes(21), JournalStatus.Running, JournalStatus.Failed, "3 refused again"),
    ];

    // How many of the newest lines a status change needs: two, and back to the newest line that ends a run of failures
    // (all, when none does).
    private static int LinesAStatusChangeNeeds(IReadOnlyList<JournalStatusChange> history)
    {
        var ending = history.Count - 1;
        while (ending >= 0 && history[ending].To is JournalStatus.Failed or JournalStatus.Running)
        {
            ending--;
        }

        return ending < 0 ? history.Count : Math.Max(Math.Min(2, history.Count), history.Count - ending);
    }

    // A price that fails with a new message every run: "mapped", then Running and Failed lines in turn.
    private static JournalStatusChange[] FailingHistory(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => i == 0
            ? new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped")
            : i % 2 == 1
                ? new JournalStatusChange(T0 + Duration.FromMinutes(5 * i), JournalStatus.Failed, JournalStatus.Running, $"sending price {i}")
                : new JournalStatusChange(T0 + Duration.FromMinutes(5 * i), JournalStatus.Running, JournalStatus.Failed, $"price {i} refused")),
    ];

    private static JournalHistorySummary Summary(JournalStatusChange[] lines, int folded) => new()
    {
        Lines = folded,
        Changes = lines.Take(folded).Sum(l => l.Repeats + 1),
        Failures = lines.Take(folded).Where(l => l.To == JournalStatus.Failed).Sum(l => l.Repeats + 1),
        FailuresInARow = lines.Take(folded).Reverse().TakeWhile(l => l.To is JournalStatus.Failed or JournalStatus.Running)
            .Where(l => l.To == JournalStatus.Failed).Sum(l => l.Repeats + 1),
        From = lines[0].At,
        To = lines[folded - 1].LastRepeatedAt ?? lines[folded - 1].At,
        FirstStatus = lines[0].To,
        FirstMessage = lines[0].Message,
    };

    private static JournalEntry Entry(RecordKind kind, string recordKey, Instant updatedAt, JournalStatus status = JournalStatus.Queued) => new()
    {
        Key = new JournalKey(Shop, kind, recordKey),
        UpdatedAt = updatedAt,
        Status = status,
    };

    private static void AssertSame(JournalEntry expected, JournalEntry actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
    }
}
