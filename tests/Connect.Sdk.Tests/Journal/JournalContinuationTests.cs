using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Tests.Journal;

public sealed class JournalContinuationTests
{
    private static readonly ConnectionId Shop = new("shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    private static readonly JournalEntry Last = new()
    {
        Key = new JournalKey(Shop, RecordKind.Order, "Bestellung-ß-4711"),
        UpdatedAt = T0.PlusNanoseconds(123_456_789),
    };

    [Fact]
    public void Read_TokenOfTheSameFilterWrittenDifferently_ReturnsThePositionExactly()
    {
        var query = new JournalQuery(Shop, RecordKind.Order) { Statuses = [JournalStatus.Failed, JournalStatus.Warning], Text = "muster" };
        var token = JournalContinuation.After(query, Last);

        // The same filter: statuses as a set, text as Matches reads it (trimmed).
        var position = JournalContinuation.Read(query with { Statuses = [JournalStatus.Warning, JournalStatus.Failed, JournalStatus.Warning], Text = " muster " }, token);

        Assert.Equal(new JournalPosition(Last.UpdatedAt, Last.Key.RecordKey), position);
    }

    public static TheoryData<string> ChangedFilters { get; } = ["text", "status", "changed from", "changed to", "article types", "order date from", "order date to", "tracking", "kind", "connection"];

    [Theory]
    [MemberData(nameof(ChangedFilters))]
    public void Read_TokenOfAnotherFilter_IsRefusedNamingTheQuery(string changed)
    {
        var query = new JournalQuery(Shop, RecordKind.Order);
        var token = JournalContinuation.After(query, Last);
        var other = changed switch
        {
            "text" => query with { Text = "4711" },
            "status" => query with { Statuses = [JournalStatus.Failed] },
            "changed from" => query with { ChangedFrom = T0 },
            "changed to" => query with { ChangedTo = T0 },
            "article types" => query with { ArticleTypes = ArticleTypeFilter.VariantsOnly },
            "order date from" => query with { OrderDateFrom = T0 },
            "order date to" => query with { OrderDateTo = T0 },
            "tracking" => query with { Tracking = TrackingExportState.Pending },
            "kind" => new JournalQuery(Shop, RecordKind.OrderStatus),
            _ => new JournalQuery(new ConnectionId("other-shop"), RecordKind.Order),
        };

        var refused = Assert.Throws<ArgumentException>(() => JournalContinuation.Read(other, token));

        Assert.Contains("another query", refused.Message, StringComparison.Ordinal);
        Assert.Equal("token", refused.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("AQ")]
    public void Read_MalformedToken_IsRefused(string token)
    {
        var refused = Assert.ThrowsAny<ArgumentException>(() => JournalContinuation.Read(new JournalQuery(Shop, RecordKind.Order), token));

        Assert.Equal("token", refused.ParamName);
    }
}
