using Connect.Sdk.Settings;

namespace Connect.Sdk.Ebay.Auth;

/// <summary>A user access token and when to stop using it: a few minutes before eBay's <c>expires_in</c> runs out.</summary>
/// <param name="Value">The token; a secret like the refresh token it was earned with.</param>
/// <param name="RenewAt">From this moment on the cache exchanges the refresh token again.</param>
/// <param name="CredentialsFingerprint">Which credentials earned it (<see cref="EbaySettings.CredentialsFingerprint"/>).</param>
internal sealed record EbayAccessToken(SecretValue Value, DateTimeOffset RenewAt, string CredentialsFingerprint);
