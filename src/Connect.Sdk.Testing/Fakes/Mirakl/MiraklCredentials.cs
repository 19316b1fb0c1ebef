namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <summary>The shop API key and shop id a Mirakl fake accepts.</summary>
/// <param name="ApiKey">The shop API key, sent as the whole <c>Authorization</c> header (no scheme).</param>
/// <param name="ShopId">The shop's id, the <c>shop_id</c> query parameter a user with several shops sends.</param>
public sealed record MiraklCredentials(string ApiKey, long ShopId)
{
    /// <inheritdoc />
    public override string ToString() => $"MiraklCredentials {{ ApiKey = ***, ShopId = {ShopId} }}";
}
