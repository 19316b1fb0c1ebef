namespace Connect.Sdk.Testing.Time;

/// <summary>
/// Tells <see cref="WaitAwareFakeTime"/> that a request is on the wire, from the moment it is sent until its answer is
/// read whole: the fake server is working on it in real time, so fake time must not move on and fire the request's
/// timeouts early; and then until the caller waits again, since the drive resumes it
/// (<see cref="WaitAwareFakeTime.OverTheWireAsync{T}"/>). Put it innermost, next to the transport (<see cref="FakeTimeServiceCollectionExtensions.UseFakeTime"/>
/// does that for every <c>HttpClient</c> of the factory).
/// </summary>
/// <param name="time">The fake time the client runs on.</param>
public sealed class FakeTimeWireHandler(WaitAwareFakeTime time) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return time.OverTheWireAsync(() => SendAndReadAsync(request, cancellationToken), cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAndReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // The body crosses the socket too: read it here, so the request leaves the wire with its whole answer.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
