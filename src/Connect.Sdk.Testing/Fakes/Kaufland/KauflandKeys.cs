namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>A Kaufland seller's API keys: the client key (32 characters) and the secret key (64 characters) it signs with.</summary>
/// <param name="ClientKey">The client key, sent as <c>Shop-Client-Key</c>.</param>
/// <param name="SecretKey">The secret key; never sent, never printed.</param>
public sealed record KauflandKeys(string ClientKey, string SecretKey)
{
    /// <summary>The client key with the secret masked, so a failing test's output never shows the secret.</summary>
    /// <returns>For example <c>7bffc16b… / ***</c>.</returns>
    public override string ToString() => $"{ClientKey} / ***";
}
