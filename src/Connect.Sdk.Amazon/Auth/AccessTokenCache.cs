using System.Collections.Concurrent;
using Connect.Sdk.Connectors;

namespace Connect.Sdk.Amazon.Auth;

/// <summary>
/// The access token of each connection, kept until shortly before it expires. Requests of one connection that find
/// no valid token wait for one exchange instead of each making their own, and a token Amazon calls expired is
/// replaced once, however many requests saw it fail. It also keeps the settings each connection's token was last asked
/// with, so that the access-token handler finds them by the connection a request names.
/// </summary>
internal sealed class AccessTokenCache(LwaTokenClient lwa, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>The connection's valid token, exchanging the refresh token when there is none.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="cancellationToken">Cancels the wait and the exchange.</param>
    /// <returns>The token.</returns>
    public async ValueTask<AccessToken> GetAsync(AmazonConnectionSettings settings, CancellationToken cancellationToken)
    {
        var slot = SlotOf(settings);
        slot.Settings = settings;
        if (Usable(slot.Token, settings) is { } cached)
        {
            return cached;
        }

        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have exchanged while this one waited.
            return Usable(slot.Token, settings) ?? (slot.Token = await lwa.ExchangeAsync(settings, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Replaces a token Amazon refused as expired, unless another request has replaced it already.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="refused">The token Amazon refused.</param>
    /// <param name="cancellationToken">Cancels the wait and the exchange.</param>
    /// <returns>The new token.</returns>
    public async ValueTask<AccessToken> RenewAsync(AmazonConnectionSettings settings, AccessToken refused, CancellationToken cancellationToken)
    {
        var slot = SlotOf(settings);
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.Token is { } current && !ReferenceEquals(current, refused) && Usable(current, settings) is not null)
            {
                return current;
            }

            return slot.Token = await lwa.ExchangeAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>The settings a connection's token was last asked with.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The settings, or <see langword="null"/> when no token was asked for it yet.</returns>
    public AmazonConnectionSettings? SettingsOf(ConnectionId connection) =>
        _slots.TryGetValue(connection.Value, out var slot) ? slot.Settings : null;

    private Slot SlotOf(AmazonConnectionSettings settings) => _slots.GetOrAdd(settings.ConnectionId.Value, static _ => new Slot());

    private AccessToken? Usable(AccessToken? token, AmazonConnectionSettings settings) =>
        token is not null && token.CredentialsFingerprint == settings.CredentialsFingerprint && time.GetUtcNow() < token.RenewAt ? token : null;

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public AccessToken? Token { get; set; }

        public AmazonConnectionSettings? Settings { get; set; }
    }
}
