using System.Collections.Concurrent;

namespace Connect.Sdk.Otto.Http;

/// <summary>
/// The access token of each API client (host, client id and secret), kept until shortly before it expires. Requests
/// that find none wait for one exchange instead of each making their own; a token OTTO refuses is dropped once,
/// however many requests saw it refused.
/// </summary>
internal sealed class OttoAccessTokens(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>The client's valid token, asking <paramref name="exchange"/> for one when there is none.</summary>
    /// <param name="client">The client's key (host and credentials' fingerprint).</param>
    /// <param name="exchange">Asks OTTO for a token; returns it, or <see langword="null"/> when OTTO refused.</param>
    /// <param name="cancellationToken">Cancels the wait and the exchange.</param>
    /// <returns>The token, or <see langword="null"/> when the exchange was refused.</returns>
    public async ValueTask<OttoAccessToken?> GetAsync(string client, Func<CancellationToken, Task<OttoAccessToken?>> exchange, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(client, static _ => new Slot());
        if (Usable(slot.Token) is { } cached)
        {
            return cached;
        }

        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have exchanged while this one waited.
            return Usable(slot.Token) ?? (slot.Token = await exchange(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Drops a token OTTO refused, unless another request has replaced it already.</summary>
    /// <param name="client">The client's key.</param>
    /// <param name="refused">The refused token.</param>
    public void Drop(string client, OttoAccessToken refused)
    {
        if (_slots.TryGetValue(client, out var slot))
        {
            Interlocked.CompareExchange(ref slot.Token, null, refused);
        }
    }

    private OttoAccessToken? Usable(OttoAccessToken? token) => token is not null && time.GetUtcNow() < token.RenewAt ? token : null;

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

#pragma warning disable SA1401 // A field, so that Drop can compare and exchange it.
        public OttoAccessToken? Token;
#pragma warning restore SA1401
    }
}
