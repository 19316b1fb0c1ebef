using System.Net;
using System.Text;
using Connect.Sdk.Http.Tests.TestDoubles;

namespace Connect.Sdk.Http.Tests;

/// <summary>An answer cut off on its way is a transport fault inside the attempt: retried for reads (for writes, see <see cref="WriteInDoubtTests"/>).</summary>
public sealed class CutOffAnswerTests : IDisposable
{
    private const string WholeOrders = """{"orders":[{"id":1},{"id":2}]}""";
    private readonly ClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Get_JsonCutOffMidDocument_IsRetriedAndReturnsTheWholeAnswer()
    {
        var stub = _harness.Add("shop").Then(Json(WholeOrders[..17])).Then(Json(WholeOrders));

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(WholeOrders, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, stub.Received.Count);
    }

    [Fact]
    public async Task Get_ConnectionClosedWhileTheBodyWasRead_IsRetried()
    {
        var stub = _harness.Add("shop")
            .Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndingStream(Encoding.UTF8.GetBytes(WholeOrders[..17]))) }))
            .Then(Json(WholeOrders));

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(WholeOrders, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, stub.Received.Count);
    }

    [Fact]
    public async Task Get_CutOffOnEveryAttempt_FailsAsAPlainCutOffAfterTheRetries()
    {
        var stub = _harness.Add("shop", o => o.Resilience.MaxRetryAttempts = 1).Then(Json("[1,")).Then(Json("[1,"));
        var send = _harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders"));
        await _harness.Time.RunAsync((Task)send);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => send);

        Assert.IsNotType<WriteInDoubtException>(exception);
        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
        Assert.Contains("cut off", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Received.Count);
    }

    [Fact]
    public async Task Get_CutOffAtAnotherPlace_SameMessageForOneIncident_TheLengthOnlyInTheLog()
    {
        const string Longer = """[1,2,3,{"sku":"A",""";
        _harness.Add("shop", o => o.Resilience.MaxRetryAttempts = 1).Then(Json("[1,")).Then(Json("[1,")).Then(Json(Longer)).Then(Json(Longer));

        var first = await FailureAsync();
        var second = await FailureAsync();

        Assert.Equal(first.Message, second.Message);
        var logged = _harness.Logs.Collector.GetSnapshot().Select(l => l.Message).ToArray();
        Assert.Contains(logged, m => m.EndsWith("after 3 bytes", StringComparison.Ordinal));
        Assert.Contains(logged, m => m.EndsWith("after 18 bytes", StringComparison.Ordinal));

        async Task<HttpRequestException> FailureAsync()
        {
            var send = _harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders"));
            await _harness.Time.RunAsync((Task)send);
            return await Assert.ThrowsAsync<HttpRequestException>(() => send);
        }
    }

    [Theory]
    [InlineData("""{"a":[1,2]}""", "application/json; charset=utf-8")]
    [InlineData("12", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("<html><body>Error establishing a database connection</body></html>", "application/json")] // not JSON at all: the adapter reports it
    [InlineData("""{"a":[1,""", "text/html")] // not declared JSON: passed on as it is
    public async Task Get_WholeOrNotJsonBody_IsReturnedAsItIs(string body, string contentType)
    {
        var stub = _harness.Add("shop").Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = Content(body, contentType) }));

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Single(stub.Received);
    }

    [Theory]
    [InlineData("""{"orders":[{"id":1},{"i""")]
    [InlineData("[1,2")]
    [InlineData("\"abc")]
    [InlineData("""{"shipped":tr""")]
    public void EndsMidDocument_PrefixOfADocument_IsCutOff(string body) =>
        Assert.True(WholeAnswerHandler.EndsMidDocument(Encoding.UTF8.GetBytes(body)));

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Json(string body) =>
        (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = Content(body, "application/json") });

    private static StringContent Content(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>A body stream that yields its bytes and then fails the way SocketsHttpHandler does when the connection closes early.</summary>
    private sealed class EndingStream(byte[] start) : MemoryStream(start)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return read > 0 ? read : throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, count) is > 0 and var read ? read : throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
    }
}
