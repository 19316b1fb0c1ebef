using System.Collections.ObjectModel;

namespace Connect.Sdk.Settings;

/// <summary>
/// The settings of one connection: the plain values by key, and which secret fields have a value in the
/// host's <see cref="ISecretStore"/>. Secret values themselves are never held here, so a
/// <see cref="ConnectionSettings"/> can be logged, stored and compared safely.
/// </summary>
public sealed class ConnectionSettings
{
    // Plain collections behind read-only views, not frozen ones: a plan reads every connection, and freezing a handful
    // of keys cost more than all their lookups.
    private readonly ReadOnlyDictionary<string, string> _values;
    private readonly ReadOnlySet<string> _secretsSet;

    /// <summary>Creates settings.</summary>
    /// <param name="values">The plain (non-secret) values by field key; empty values count as not set.</param>
    /// <param name="secretsSet">The keys of the secret fields that have a stored secret.</param>
    public ConnectionSettings(IEnumerable<KeyValuePair<string, string>> values, IEnumerable<string> secretsSet)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(secretsSet);
        _values = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(StringComparer.Ordinal).AsReadOnly();
        _secretsSet = new ReadOnlySet<string>(secretsSet.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Settings with nothing set.</summary>
    public static ConnectionSettings Empty { get; } = new([], []);

    /// <summary>The plain values by field key.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The keys of the secret fields that have a stored secret.</summary>
    public IReadOnlySet<string> SecretsSet => _secretsSet;

    /// <summary>Returns a plain value, or <see langword="null"/> when it is not set.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    public string? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary>Whether a field has a value: a non-empty plain value, or a stored secret for a secret field.</summary>
    /// <param name="field">The field.</param>
    /// <returns><see langword="true"/> when the field is filled.</returns>
    public bool HasValue(SettingField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.IsSecret ? _secretsSet.Contains(field.Key) : _values.ContainsKey(field.Key);
    }

    /// <summary>Returns a copy with a plain value set, or removed when <paramref name="value"/> is empty.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new settings.</returns>
    public ConnectionSettings With(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var values = _values.Where(v => v.Key != key).ToList();
        if (!string.IsNullOrWhiteSpace(value))
        {
            values.Add(new(key, value));
        }

        return new ConnectionSettings(values, _secretsSet);
    }

    /// <summary>Returns a copy that records whether a secret field has a stored secret.</summary>
    /// <param name="key">The secret field key.</param>
    /// <param name="isSet">Whether a secret is stored.</param>
    /// <returns>The new settings.</returns>
    public ConnectionSettings WithSecret(string key, bool isSet)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var secrets = _secretsSet.Where(s => s != key);
        return new ConnectionSettings(_values, isSet ? secrets.Append(key) : secrets);
    }

    /// <summary>Lists the plain values and the secret keys (as <c>***</c>), never a secret value nor credentials in an address.</summary>
    /// <returns>A description such as <c>shopUrl=example.myshopify.com, accessToken=***</c>.</returns>
    public override string ToString() =>
        string.Join(", ", _values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={UrlCredentials.Hide(v.Value)}")
            .Concat(_secretsSet.Order(StringComparer.Ordinal).Select(s => $"{s}={SecretValue.Redacted}")));
}
