using System.Collections.Concurrent;

namespace Connect.Sdk.Otto.Tests.TestSupport;

/// <summary>
/// The transport to the fake, keeping the body of every request whose path matches and, once, answering one of them
/// with a body of the test's instead of sending it (<see cref="AnswerOnce"/>).
/// </summary>
internal sealed class RecordingTransport(string path) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly Lock _gate = new();
    private (int Status, string Body)? _once;

    public IReadOnlyList<string> Bodies => [.. _bodies];

    /// <summary>The next matching request is answered with this instead of reaching the fake.</summary>
    public void AnswerOnce(int status, string body)
    {
        lock (_gate)
        {
            _once = (status, body);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath != path)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        _bodies.Enqueue(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        (int Status, string Body)? once;
        lock (_gate)
        {
            (once, _once) = (_once, null);
        }

        if (once is { } answer)
        {
            return new HttpResponseMessage((System.Net.HttpStatusCode)answer.Status)
            {
                Content = new StringContent(answer.Body, System.Text.Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
