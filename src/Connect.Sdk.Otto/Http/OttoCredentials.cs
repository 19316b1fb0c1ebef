using System.Security.Cryptography;
using System.Text;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Otto.Http;

/// <summary>A connection's API client: its client id and client secret, as its endpoint puts them on each request.</summary>
/// <param name="ClientId">The client id (not secret, carried with the secret so the handler has both).</param>
/// <param name="ClientSecret">The client secret.</param>
internal sealed record OttoCredentials(string ClientId, SecretValue ClientSecret)
{
    /// <summary>The key the client id travels under among a request's secrets.</summary>
    public const string ClientIdEntry = "otto.clientId";

    /// <summary>The credentials among a request's secrets, or <see langword="null"/> when either is missing.</summary>
    /// <param name="secrets">The secrets by key.</param>
    /// <returns>The credentials.</returns>
    public static OttoCredentials? From(IReadOnlyDictionary<string, SecretValue> secrets) =>
        secrets.TryGetValue(ClientIdEntry, out var id) && secrets.TryGetValue(OttoConnector.ClientSecretKey, out var secret)
            ? new(id.Reveal(), secret)
            : null;

    /// <summary>Tells credentials apart without keeping the secret: a hash of id and secret, never logged.</summary>
    /// <returns>The fingerprint.</returns>
    public string Fingerprint() =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ClientId + "\n" + ClientSecret.Reveal())));

    /// <summary>Never the secret.</summary>
    /// <returns><c>OttoCredentials(id, ***)</c>.</returns>
    public override string ToString() => $"{nameof(OttoCredentials)}({ClientId}, {SecretValue.Redacted})";
}
