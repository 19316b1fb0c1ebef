namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <summary>The integration's access key the fake shop accepts (Settings → System → Integrations in the Administration).</summary>
/// <param name="ClientId">The access key id (<c>client_id</c>, e.g. <c>SWIA…</c>).</param>
/// <param name="ClientSecret">The secret access key (<c>client_secret</c>).</param>
public sealed record ShopwareCredentials(string ClientId, string ClientSecret)
{
    /// <summary>Never the secret.</summary>
    /// <returns><c>ShopwareCredentials(id, ***)</c>.</returns>
    public override string ToString() => $"{nameof(ShopwareCredentials)}({ClientId}, ***)";
}
