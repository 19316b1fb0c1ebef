using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Journal;

/// <summary>
/// The SQL translation of <see cref="JournalQuery"/> cannot drift from the reference: random journals and random
/// queries give the same pages, totals and key streams on SQLite as on <see cref="InMemoryJournalStore"/>. The text
/// alphabets hold the characters where case folding is easy to get wrong (ß, final sigma, Kelvin sign, long s,
/// dotted and dotless i, Deseret letters outside the BMP) and SQL wildcards; search texts of one to six characters take
/// both ways to a text match (a scan of the tab, and the trigram index from three characters on).
/// </summary>
public sealed class SqliteJournalQueryPropertyTests : IDisposable
{
    private const int Entries = 400;
    private const int Queries = 300;

    private static readonly ConnectionId[] Connections = [new("shop-a"), new("shop-b")];
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    // Record keys stay in the BMP below U+D800: there SQLite's byte order and .NET's ordinal order agree.
    private static readonly string[] KeyAlphabet = ["a", "A", "b", "1", "2", "-", "_", "%", "ß", "ς", "σ", "Σ", "\u212A", "k", "K", "\u017F", "s", "S", "İ", "i", "ı", "I"];
    private static readonly string[] TextAlphabet = [.. KeyAlphabet, " ", "é", "É", "\U00010400", "\U00010428", "ﬀ", "straße", "STRASSE"];

    private static readonly JournalStatusChange[] NoHistory = [];

    private readonly SqliteTestFiles _files = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Query_RandomJournalAndQueries_SqliteAgreesWithTheInMemoryReference(int seed)
    {
        var random = new Random(seed);
        var sqlite = new SqliteJournalStore(_files.Open());
        var reference = new InMemoryJournalStore();
        var seeded = await SeedAsync(random, sqlite, reference);

        for (var i = 0; i < Queries; i++)
        {
            var query = RandomQuery(random, seeded);
            var skip = random.Next(4) == 0 ? random.Next(20) : 0;
            var take = 1 + random.Next(60);

            var expected = await reference.QueryAsync(query, skip, take, CancellationToken.None);
            var actual = await sqlite.QueryAsync(query, skip, take, CancellationToken.None);

            Assert.True(
                expected.Entries.Select(e => e.Key).SequenceEqual(actual.Entries.Select(e => e.Key)),
                $"Seed {seed}, query {i} {query} (skip {skip}, take {take}): [{string.Join(", ", actual.Entries.Select(e => e.Key))}], expected [{string.Join(", ", expected.Entries.Select(e => e.Key))}].");
            Assert.Equal(expected.TotalCount, actual.TotalCount);
            Assert.Equal(expected.Entries, actual.Entries, SameEntry);

            await AssertSameKeysetPagesAsync(reference, sqlite, query, take, $"Seed {seed}, query {i} {query} (take {take})");

            if (i % 10 == 0)
            {
                Assert.Equal(await ToListAsync(reference.ListKeysAsync(query, CancellationToken.None)), await ToListAsync(sqlite.ListKeysAsync(query, CancellationToken.None)));
            }
        }
    }

    public void Dispose() => _files.Dispose();

    // The first page, the one after its token (tokens carry no store of their own) and the last page, with every total
    // exact: the limit is the journal's size.
    private static async Task AssertSameKeysetPagesAsync(InMemoryJournalStore reference, SqliteJournalStore sqlite, JournalQuery query, int take, string what)
    {
        var first = JournalPageRequest.First(take) with { ExactTotalLimit = Entries };
        var expected = await reference.QueryPageAsync(query, first, CancellationToken.None);
        JournalPageRequest[] requests = expected.NextPage is { } next
            ? [first, JournalPageRequest.After(next, take) with { ExactTotalLimit = Entries }, JournalPageRequest.Last(take) with { ExactTotalLimit = Entries }]
            : [first, JournalPageRequest.Last(take) with { ExactTotalLimit = Entries }];
        foreach (var request in requests)
        {
            var wanted = await reference.QueryPageAsync(query, request, CancellationToken.None);
            var actual = await sqlite.QueryPageAsync(query, request, CancellationToken.None);

            Assert.True(
                wanted.Entries.Select(e => e.Key).SequenceEqual(actual.Entries.Select(e => e.Key)),
                $"{what}, {(request.IsLast ? "last page" : request.Continuation is null ? "first page" : "second page")}: [{string.Join(", ", actual.Entries.Select(e => e.Key))}], expected [{string.Join(", ", wanted.Entries.Select(e => e.Key))}].");
            Assert.Equal((wanted.TotalCount, wanted.TotalIsEstimate, wanted.NextPage), (actual.TotalCount, actual.TotalIsEstimate, actual.NextPage));
        }
    }

    private static async Task<List<JournalEntry>> SeedAsync(Random random, SqliteJournalStore sqlite, InMemoryJournalStore reference)
    {
        var entries = new List<JournalEntry>();
        var keys = new HashSet<JournalKey>();
        while (entries.Count < Entries)
        {
            var key = new JournalKey(Pick(random, Connections), Pick(random, Enum.GetValues<RecordKind>()), RandomText(random, KeyAlphabet, 1, 5));
            if (!keys.Add(key))
            {
                continue;
            }

            var entry = new JournalEntry
            {
                Key = key,
                Status = Pick(random, Enum.GetValues<JournalStatus>()),
                UpdatedAt = RandomInstant(random),
                Message = random.Next(3) == 0 ? null : RandomText(random, TextAlphabet, 0, 8),
                Title = random.Next(3) == 0 ? null : RandomText(random, TextAlphabet, 0, 8),
                ArticleKind = random.Next(4) == 0 ? null : Pick(random, Enum.GetValues<ArticleKind>()),
                OrderDate = random.Next(4) == 0 ? null : RandomInstant(random),
                Tracking = random.Next(4) == 0 ? null : Pick(random, Enum.GetValues<TrackingExportState>()),
                Attempts = random.Next(5),
            };

            // A few entries are saved more than once, so versions and histories grow as they do in use.
            var saved = await SaveBothAsync(sqlite, reference, entry);
            for (var changes = random.Next(3); changes > 0; changes--)
            {
                saved = await SaveBothAsync(sqlite, reference, Changed(saved, Pick(random, Enum.GetValues<JournalStatus>()), RandomText(random, TextAlphabet, 0, 6), RandomInstant(random)));
            }

            entries.Add(saved);
        }

        return entries;
    }

    private static JournalEntry Changed(JournalEntry entry, JournalStatus status, string message, Instant at) => entry with
    {
        Status = status,
        Message = message,
        UpdatedAt = at,
        History = [.. entry.History, new JournalStatusChange(at, entry.Status, status, message)],
    };

    private static async Task<JournalEntry> SaveBothAsync(SqliteJournalStore sqlite, InMemoryJournalStore reference, JournalEntry entry)
    {
        var saved = await sqlite.TrySaveAsync(entry, CancellationToken.None) ?? throw new InvalidOperationException($"SQLite refused {entry.Key}.");
        var referenceSaved = await reference.TrySaveAsync(entry, CancellationToken.None) ?? throw new InvalidOperationException($"The reference refused {entry.Key}.");
        Assert.Equal(referenceSaved.Version, saved.Version);
        return saved;
    }

    private static JournalQuery RandomQuery(Random random, List<JournalEntry> seeded)
    {
        var query = new JournalQuery(Pick(random, Connections), Pick(random, Enum.GetValues<RecordKind>()));
        if (random.Next(3) == 0)
        {
            query = query with { Statuses = Enum.GetValues<JournalStatus>().Where(_ => random.Next(3) == 0).ToArray() };
        }

        if (random.Next(3) == 0)
        {
            query = query with { ChangedFrom = RandomInstant(random) };
        }

        if (random.Next(3) == 0)
        {
            query = query with { ChangedTo = RandomInstant(random) };
        }

        if (random.Next(3) == 0)
        {
            query = query with { ArticleTypes = Pick(random, Enum.GetValues<ArticleTypeFilter>()) };
        }

        if (random.Next(4) == 0)
        {
            query = query with { OrderDateFrom = RandomInstant(random) };
        }

        if (random.Next(4) == 0)
        {
            query = query with { OrderDateTo = RandomInstant(random) };
        }

        if (random.Next(4) == 0)
        {
            query = query with { Tracking = Pick(random, Enum.GetValues<TrackingExportState>()) };
        }

        if (random.Next(2) == 0)
        {
            query = query with { Text = RandomNeedle(random, seeded) };
        }

        return query;
    }

    // Mostly a piece of a stored text in another case, padded with blanks; sometimes free characters.
    private static string RandomNeedle(Random random, List<JournalEntry> seeded)
    {
        var entry = Pick(random, seeded);
        var source = Pick(random, new[] { entry.Key.RecordKey, entry.Title ?? string.Empty, entry.Message ?? string.Empty });
        string needle;
        if (source.Length == 0 || random.Next(4) == 0)
        {
            needle = RandomText(random, TextAlphabet, 0, 5);
        }
        else
        {
            // Never split a surrogate pair: a lone surrogate is no text SQLite can store.
            var start = random.Next(source.Length);
            start -= char.IsLowSurrogate(source[start]) ? 1 : 0;
            var end = Math.Min(source.Length, start + 1 + random.Next(6));
            end += end < source.Length && char.IsLowSurrogate(source[end]) ? 1 : 0;
            needle = source[start..end];
        }

        needle = random.Next(3) switch
        {
            0 => needle.ToUpperInvariant(),
            1 => needle.ToLowerInvariant(),
            _ => needle,
        };
        return (random.Next(3) == 0 ? "  " : string.Empty) + needle + (random.Next(3) == 0 ? " " : string.Empty);
    }

    private static Instant RandomInstant(Random random) => T0 + Duration.FromMinutes(random.Next(40));

    private static string RandomText(Random random, string[] alphabet, int min, int max) =>
        string.Concat(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Pick(random, alphabet)));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static bool SameEntry(JournalEntry expected, JournalEntry actual) =>
        expected with { History = NoHistory } == actual with { History = NoHistory } && expected.History.SequenceEqual(actual.History);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
