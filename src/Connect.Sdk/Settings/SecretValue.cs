namespace Connect.Sdk.Settings;

/// <summary>
/// A secret (an access token, an API key, a password) that must never reach a log line, a journal
/// message, an exception or a <see cref="object.ToString"/>. The value comes out only through
/// <see cref="Reveal"/>, at the moment an adapter puts it on the wire.
/// </summary>
public sealed class SecretValue
{
    /// <summary>What <see cref="ToString"/> prints instead of the value.</summary>
    public const string Redacted = "***";

    private readonly string _value;

    /// <summary>Wraps a secret.</summary>
    /// <param name="value">The secret; not empty.</param>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public SecretValue(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>Returns the secret itself. Call it only to put the secret on the wire.</summary>
    /// <returns>The secret.</returns>
    public string Reveal() => _value;

    /// <summary>Returns <see cref="Redacted"/>, never the secret.</summary>
    /// <returns><c>***</c>.</returns>
    public override string ToString() => Redacted;
}
