using Connect.Sdk.Http.Tests.TestDoubles;

namespace Connect.Sdk.Http.Tests;

public sealed class TotalTimeoutTests
{
    [Fact]
    public async Task SendAsync_ServerNeverAnswers_FailsWithTimeoutAtTheLimit()
    {
        var time = FakeTime.Create();
        using var invoker = new HttpMessageInvoker(new TotalTimeoutHandler(TimeSpan.FromMinutes(2), time) { InnerHandler = new StubMarketplace(time).ThenHang() });

        var send = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://marketplace.test/orders"), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(send.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutException>(() => send);
    }

    [Fact]
    public async Task SendAsync_ServerRequestedWait_ExtendsTheDeadlineByIt()
    {
        var time = FakeTime.Create();
        var stub = new StubMarketplace(time).ThenHang();
        using var invoker = new HttpMessageInvoker(new TotalTimeoutHandler(TimeSpan.FromMinutes(2), time) { InnerHandler = stub });
        var request = new HttpRequestMessage(HttpMethod.Get, "https://marketplace.test/orders");

        var send = invoker.SendAsync(request, CancellationToken.None);

        // What the retry strategy does when it honours a Retry-After of three minutes.
        Assert.True(request.Options.TryGetValue(TotalTimeout.Key, out var deadline));
        deadline.Extend(TimeSpan.FromMinutes(3));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(send.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => send);
        Assert.Contains("00:03:00 the server asked to wait", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_IsACancellationNotATimeout()
    {
        var time = FakeTime.Create();
        using var invoker = new HttpMessageInvoker(new TotalTimeoutHandler(TimeSpan.FromMinutes(2), time) { InnerHandler = new StubMarketplace(time).ThenHang() });
        using var cancel = new CancellationTokenSource();

        var send = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://marketplace.test/orders"), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }
}
