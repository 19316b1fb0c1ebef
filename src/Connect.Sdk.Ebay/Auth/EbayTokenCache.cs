using System.Collections.Concurrent;

namespace Connect.Sdk.Ebay.Auth;

/// <summary>
/// The access token of each connection, kept until a few minutes before it expires: requests of one connection that find
/// no valid token wait for one exchange instead of each making their own.
/// </summary>
internal sealed class EbayTokenCache(EbayTokenClient identity, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>The connection's valid token, exchanging the refresh token when there is none.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="cancellationToken">Cancels the wait and the exchange.</param>
    /// <returns>The token.</returns>
    public async ValueTask<EbayAccessToken> GetAsync(EbaySettings settings, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(settings.ConnectionId.Value, static _ => new Slot());
        if (Usable(slot.Token, settings) is { } cached)
        {
            return cached;
        }

        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have exchanged while this one waited.
            return Usable(slot.Token, settings) ?? (slot.Token = await identity.ExchangeAsync(settings, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>
    /// Replaces a token eBay refused (401) before its time, unless another request has replaced it already: eBay ends a
    /// user's tokens early when the seller changes the password or withdraws the consent.
    /// </summary>
    /// <param name="settings">The connection.</param>
    /// <param name="refused">The token eBay refused.</param>
    /// <param name="cancellationToken">Cancels the wait and the exchange.</param>
    /// <returns>The new token.</returns>
    public async ValueTask<EbayAccessToken> RenewAsync(EbaySettings settings, EbayAccessToken refused, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(settings.ConnectionId.Value, static _ => new Slot());
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.Token is { } current && !ReferenceEquals(current, refused) && Usable(current, settings) is not null)
            {
                return current;
            }

            slot.Token = null;
            return slot.Token = await identity.ExchangeAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private EbayAccessToken? Usable(EbayAccessToken? token, EbaySettings settings) =>
        token is not null && token.CredentialsFingerprint == settings.CredentialsFingerprint && time.GetUtcNow() < token.RenewAt ? token : null;

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public EbayAccessToken? Token { get; set; }
    }
}
