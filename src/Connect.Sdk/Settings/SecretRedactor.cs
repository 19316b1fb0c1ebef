namespace Connect.Sdk.Settings;

/// <summary>
/// Removes known secret values from text that came from outside the SDK (a connector's exception message,
/// a marketplace's error body) before it reaches a log line, the journal or an exception.
/// </summary>
/// <remarks>
/// The SDK never formats a secret itself; this is the safety net for third-party text that might echo one,
/// such as an error page that repeats the request's token.
/// </remarks>
public sealed class SecretRedactor
{
    // Short values would redact ordinary words; real tokens and keys are far longer.
    private const int MinimumSecretLength = 6;

    private readonly string[] _secrets;

    /// <summary>Creates a redactor for the given secrets.</summary>
    /// <param name="secrets">The secrets to remove.</param>
    public SecretRedactor(IEnumerable<SecretValue> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        // A marketplace may echo a secret URL-encoded (a query string) or JSON-escaped (an error body; PHP
        // shops such as WooCommerce and Shopware also escape '/' as '\/').
        _secrets = secrets
            .Select(s => s.Reveal())
            .SelectMany(s => new[]
            {
                s,
                Uri.EscapeDataString(s),
                System.Text.Json.JsonEncodedText.Encode(s).ToString(),
                s.Replace("/", "\\/", StringComparison.Ordinal),
            })
            .Where(s => s.Length >= MinimumSecretLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>Creates a redactor for every secret stored for a connection.</summary>
    /// <param name="store">Where the secrets are kept.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="settings">The connection's settings, which name the secrets that are set.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The redactor.</returns>
    public static async ValueTask<SecretRedactor> ForConnectionAsync(ISecretStore store, ConnectionId connection, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        var secrets = new List<SecretValue>();
        foreach (var key in settings.SecretsSet)
        {
            if (await store.GetAsync(connection, key, cancellationToken).ConfigureAwait(false) is { } secret)
            {
                secrets.Add(secret);
            }
        }

        return new SecretRedactor(secrets);
    }

    /// <summary>A redactor that knows no secrets.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>Replaces every occurrence of a known secret with <see cref="SecretValue.Redacted"/>.</summary>
    /// <param name="text">The text, possibly <see langword="null"/>.</param>
    /// <returns>The text without secrets.</returns>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, SecretValue.Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Returns a description that names how many secrets are known, never the secrets.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"SecretRedactor({_secrets.Length} secrets)";
}
