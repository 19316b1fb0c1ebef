namespace Connect.Sdk.Http;

/// <summary>
/// A rate budget that counts a request from when it is sent until its answer arrives, as the pacing handler uses it.
/// The server counts a request when it arrives, somewhere between the two, and throws refill away while its bucket is
/// full; a budget that books a request only when it leaves runs ahead of the server at the burst edge.
/// </summary>
internal interface IInFlightRateBudget : IRateBudget
{
    /// <summary>
    /// Waits, like <see cref="IRateBudget.WaitAsync"/>, until <paramref name="cost"/> units are available beside the
    /// units in flight, and takes them; the request stays in flight until <see cref="Answered"/>.
    /// </summary>
    /// <param name="cost">The request's cost, at most the model's capacity.</param>
    /// <param name="attemptTimeout">
    /// The longest the request may stay in flight: its attempt's timeout. A shared budget keeps the process's units in
    /// flight leased at least this long past its last write, so that those of a process that stopped come back.
    /// </param>
    /// <param name="cancellationToken">Stops waiting: the request leaves the queue and takes nothing.</param>
    /// <returns>Completes when the request may be sent.</returns>
    ValueTask WaitToSendAsync(double cost, TimeSpan attemptTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// The request let go by <see cref="WaitToSendAsync"/> was answered, failed or was cancelled: its units leave the
    /// flight, counted as taken no earlier than now. Call exactly once per request let go.
    /// </summary>
    /// <param name="cost">The request's cost, as given to <see cref="WaitToSendAsync"/>.</param>
    void Answered(double cost);
}
