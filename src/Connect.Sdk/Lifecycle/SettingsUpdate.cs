using System.Collections.Immutable;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// A change to a connection's settings as a user saves a form: plain values to set or clear, and secrets
/// to set or clear. Immutable; build it with <see cref="Set"/>, <see cref="SetSecret"/> and <see cref="ClearSecret"/>.
/// </summary>
/// <example><code>SettingsUpdate.Empty.Set("shopUrl", "example.myshopify.com").SetSecret("accessToken", new SecretValue(token))</code></example>
public sealed class SettingsUpdate
{
    private readonly ImmutableDictionary<string, string?> _values;
    private readonly ImmutableDictionary<string, SecretValue?> _secrets;

    private SettingsUpdate(ImmutableDictionary<string, string?> values, ImmutableDictionary<string, SecretValue?> secrets)
    {
        _values = values;
        _secrets = secrets;
    }

    /// <summary>An update that changes nothing; the start of every update.</summary>
    public static SettingsUpdate Empty { get; } = new(
        ImmutableDictionary.Create<string, string?>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, SecretValue?>(StringComparer.Ordinal));

    /// <summary>The plain values to set, by field key; <see langword="null"/> or empty clears the field.</summary>
    public IReadOnlyDictionary<string, string?> Values => _values;

    /// <summary>The secrets to set, by field key; <see langword="null"/> removes the stored secret.</summary>
    public IReadOnlyDictionary<string, SecretValue?> Secrets => _secrets;

    /// <summary>Whether the update changes nothing at all.</summary>
    public bool IsEmpty => _values.IsEmpty && _secrets.IsEmpty;

    /// <summary>Returns a copy that sets (or, with an empty value, clears) a plain field.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value; <see langword="null"/> or empty clears the field.</param>
    /// <returns>The new update.</returns>
    public SettingsUpdate Set(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new(_values.SetItem(key, value), _secrets);
    }

    /// <summary>Returns a copy that stores a secret field's new value.</summary>
    /// <param name="key">The secret field key.</param>
    /// <param name="secret">The secret.</param>
    /// <returns>The new update.</returns>
    public SettingsUpdate SetSecret(string key, SecretValue secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(secret);
        return new(_values, _secrets.SetItem(key, secret));
    }

    /// <summary>Returns a copy that removes a secret field's stored value.</summary>
    /// <param name="key">The secret field key.</param>
    /// <returns>The new update.</returns>
    public SettingsUpdate ClearSecret(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new(_values, _secrets.SetItem(key, null));
    }

    /// <summary>Lists the keys and plain values; secrets appear as <c>***</c>.</summary>
    /// <returns>A description such as <c>shopUrl=example.myshopify.com, accessToken=***</c>.</returns>
    public override string ToString() =>
        string.Join(", ", Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")
            .Concat(Secrets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={(s.Value is null ? "(cleared)" : SecretValue.Redacted)}")));
}
