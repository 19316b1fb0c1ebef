using Connect.Sdk.Settings;

namespace Connect.Sdk.Amazon.Auth;

/// <summary>An LWA access token and when to stop using it: shortly before Amazon's <c>expires_in</c> runs out.</summary>
/// <param name="Value">The token; a secret like the refresh token it was earned with.</param>
/// <param name="RenewAt">From this moment on the cache exchanges the refresh token again.</param>
/// <param name="CredentialsFingerprint">Which credentials earned it (<see cref="AmazonConnectionSettings.CredentialsFingerprint"/>).</param>
internal sealed record AccessToken(SecretValue Value, DateTimeOffset RenewAt, string CredentialsFingerprint);
