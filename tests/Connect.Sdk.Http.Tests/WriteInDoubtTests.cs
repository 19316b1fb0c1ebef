using System.Net;
using Connect.Sdk.Http.Tests.TestDoubles;

namespace Connect.Sdk.Http.Tests;

public sealed class WriteInDoubtTests : IDisposable
{
    private readonly ClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the write may have landed before its answer was cut: sending it again could apply it twice
    public async Task Write_ConnectionDroppedOrAnswerCutOff_IsInDoubtNamesTheOperationAndIsSentOnce(bool cutOffJson)
    {
        var stub = _harness.Add("shop").Then((_, _) => cutOffJson
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"fulfillment\":{\"id\":", System.Text.Encoding.UTF8, "application/json") })
            : throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var request = new HttpRequestMessage(HttpMethod.Post, "fulfillments");
        request.Options.Set(MarketplaceRequest.Operation, "fulfillmentCreate");
        var send = _harness.SendAsync("shop", request);
        await _harness.Time.RunAsync((Task)send);

        var exception = await Assert.ThrowsAsync<WriteInDoubtException>(() => send);

        Assert.Equal("fulfillmentCreate", exception.Operation);
        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
        Assert.Contains("read its state back", exception.Message, StringComparison.Ordinal);
        Assert.Single(stub.Received);
    }

    [Fact]
    public async Task IdempotentWrite_EveryAttemptTimedOut_IsInDoubt()
    {
        // Retried because it is idempotent, yet any of the attempts may have landed.
        var stub = _harness.Add("shop", o => o.Resilience.MaxRetryAttempts = 1);
        stub.ThenHang().ThenHang();
        var request = new HttpRequestMessage(HttpMethod.Put, "stock");
        request.Options.Set(MarketplaceRequest.Idempotent, true);
        var send = _harness.SendAsync("shop", request);
        await _harness.Time.RunAsync((Task)send);

        await Assert.ThrowsAsync<WriteInDoubtException>(() => send);
        Assert.Equal(2, stub.Received.Count);
    }

    [Fact]
    public async Task Write_NoConnectionCouldBeMade_IsNotInDoubt()
    {
        _harness.Add("shop").Then((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused."));
        var send = _harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Post, "fulfillments"));
        await _harness.Time.RunAsync((Task)send);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => send);
        Assert.Equal(HttpRequestError.ConnectionError, exception.HttpRequestError);
    }

    [Fact]
    public async Task Read_ConnectionDropped_IsAPlainFailure()
    {
        var stub = _harness.Add("shop", o => o.Resilience.MaxRetryAttempts = 1);
        stub.Then((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "ended"))
            .Then((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "ended"));
        var send = _harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders"));
        await _harness.Time.RunAsync((Task)send);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => send);
        Assert.IsNotType<WriteInDoubtException>(exception);
    }

    [Fact]
    public async Task Read_EveryAttemptTimedOut_IsATimeoutException()
    {
        _harness.Add("shop", o => o.Resilience.MaxRetryAttempts = 1).ThenHang().ThenHang();
        var send = _harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders"));
        await _harness.Time.RunAsync((Task)send);

        await Assert.ThrowsAsync<TimeoutException>(() => send);
    }

    [Fact]
    public async Task Write_ServerAnsweredWithAnError_IsNotInDoubt()
    {
        _harness.Add("shop").Then(HttpStatusCode.UnprocessableEntity);
        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Post, "fulfillments")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
