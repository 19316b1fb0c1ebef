using Connect.Sdk.Orders;
using CsCheck;

namespace Connect.Sdk.Tests.Orders;

public sealed class OrderLookupResultTests
{
    private enum Answer
    {
        Found,
        NotFound,
        Unreadable,
    }

    private static OrderNumberLookup Lookup(string number, Answer answer) => answer switch
    {
        Answer.Found => OrderNumberLookup.Found(TestOrders.Order(number)),
        Answer.NotFound => OrderNumberLookup.NotFound,
        _ => OrderNumberLookup.Unreadable(number, "tax information missing in shop order " + number),
    };

    [Fact]
    public async Task LookUpEachAsync_OneOfEach_SortsEveryNumberIntoItsList()
    {
        var answers = new Dictionary<string, Answer> { ["1001"] = Answer.Found, ["1002"] = Answer.NotFound, ["1003"] = Answer.Unreadable };

        var result = await OrderLookupResult.LookUpEachAsync(answers.Keys, (number, _) => ValueTask.FromResult(Lookup(number, answers[number])), CancellationToken.None);

        Assert.Equal("1001", Assert.Single(result.Found).OrderNumber);
        Assert.Equal("1002", Assert.Single(result.NotFound));
        var unreadable = Assert.Single(result.Unreadable);
        Assert.Equal(new UnreadableOrder("1003", "tax information missing in shop order 1003"), unreadable);
    }

    [Fact]
    public async Task LookUpEachAsync_Numbers_AreLookedUpOneAfterTheOtherInTheirOrder_WithTheCallersToken()
    {
        using var cancellation = new CancellationTokenSource();
        var calls = new List<string>();
        var running = 0;

        await OrderLookupResult.LookUpEachAsync(
            ["1003", "1001", "1002"],
            async (number, token) =>
            {
                Assert.Equal(cancellation.Token, token);
                Assert.Equal(1, Interlocked.Increment(ref running));
                calls.Add(number);

                // Not a wait: the lookup goes asynchronous, so one started before this one ended would overlap it.
                await Task.Yield();
                Interlocked.Decrement(ref running);
                return OrderNumberLookup.NotFound;
            },
            cancellation.Token);

        Assert.Equal(["1003", "1001", "1002"], calls);
    }

    [Fact]
    public async Task LookUpEachAsync_LookupThrows_EndsTheWholeLookup()
    {
        var error = new ConnectSdkException("the marketplace is down");

        var thrown = await Assert.ThrowsAsync<ConnectSdkException>(async () => await OrderLookupResult.LookUpEachAsync(
            ["1001", "1002"],
            (_, _) => throw error,
            CancellationToken.None));

        Assert.Same(error, thrown);
    }

    [Fact]
    public Task LookUpEachAsync_AnyAnswers_PutsEveryNumberInExactlyOneListKeepingTheirOrder() =>
        Gen.OneOfConst(Answer.Found, Answer.NotFound, Answer.Unreadable).Array[0, 20].SampleAsync(async answers =>
        {
            var numbers = Enumerable.Range(0, answers.Length).Select(TestOrders.Number).ToArray();
            var answerOf = numbers.Zip(answers).ToDictionary(p => p.First, p => p.Second);

            var result = await OrderLookupResult.LookUpEachAsync(numbers, (number, _) => ValueTask.FromResult(Lookup(number, answerOf[number])), CancellationToken.None);

            Assert.Equal(numbers.Where(n => answerOf[n] == Answer.Found), result.Found.Select(o => o.OrderNumber));
            Assert.Equal(numbers.Where(n => answerOf[n] == Answer.NotFound), result.NotFound);
            Assert.Equal(numbers.Where(n => answerOf[n] == Answer.Unreadable), result.Unreadable.Select(u => u.OrderNumber));
        });
}
