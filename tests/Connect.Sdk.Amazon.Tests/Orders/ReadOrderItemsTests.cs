using Connect.Sdk.Amazon.Orders;
using Connect.Sdk.Amazon.Wire;

namespace Connect.Sdk.Amazon.Tests.Orders;

/// <summary>The kept items of an import: what is kept saves getOrderItems calls, what is flawed is read again.</summary>
public sealed class ReadOrderItemsTests
{
    private static readonly AmazonOrderJson Order = new("302-0000001-0000007", "2026-11-23T08:00:00Z", "2026-11-23T08:05:00Z", "Unshipped");

    [Fact]
    public async Task GetOrReadAsync_ListWithANullItem_IsNotKept_TheNextImportReadsTheWholeAnswer()
    {
        var kept = new ReadOrderItems();
        var reads = 0;

        var flawed = await kept.GetOrReadAsync("seller", Order, _ => Answer(ref reads, [null!]), CancellationToken.None);
        var whole = await kept.GetOrReadAsync("seller", Order, _ => Answer(ref reads, [new AmazonOrderItemJson("1", 1)]), CancellationToken.None);

        Assert.Null(Assert.Single(flawed));
        Assert.Equal(2, reads);
        Assert.Equal("1", Assert.Single(whole).OrderItemId);
    }

    private static Task<IReadOnlyList<AmazonOrderItemJson>> Answer(ref int reads, AmazonOrderItemJson[] items)
    {
        reads++;
        return Task.FromResult<IReadOnlyList<AmazonOrderItemJson>>(items);
    }
}
