using Connect.Sdk.Settings;

namespace Connect.Sdk.Otto.Http;

/// <summary>An access token and when to stop using it: shortly before OTTO's <c>expires_in</c> runs out.</summary>
/// <param name="Value">The token, a secret.</param>
/// <param name="RenewAt">From this moment on the next request asks for a new one.</param>
internal sealed record OttoAccessToken(SecretValue Value, DateTimeOffset RenewAt);
