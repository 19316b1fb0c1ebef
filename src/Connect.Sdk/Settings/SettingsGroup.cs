using Connect.Sdk.Features;

namespace Connect.Sdk.Settings;

/// <summary>
/// A named group of settings, shown as one tab or section ("Register") of a connection's form.
/// A group either belongs to the whole connection or to one feature.
/// </summary>
public sealed class SettingsGroup
{
    /// <summary>Creates a group.</summary>
    /// <param name="key">The stable key, e.g. <c>connection</c>.</param>
    /// <param name="displayName">The name users see, e.g. "Connection".</param>
    /// <param name="fields">The fields of the group, in form order.</param>
    /// <param name="feature">
    /// The feature whose integration mode needs this group's mandatory fields, or <see langword="null"/>
    /// when every feature needs them (credentials, endpoint).
    /// </param>
    /// <exception cref="ArgumentException">The key or name is empty, or two fields share a key.</exception>
    public SettingsGroup(string key, string displayName, IEnumerable<SettingField> fields, FeatureKind? feature = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(fields);
        Key = key;
        DisplayName = displayName;
        Feature = feature;
        Fields = fields.ToArray();
        var duplicate = Fields.GroupBy(f => f.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Settings group '{key}' has the field '{duplicate.Key}' twice.", nameof(fields));
        }
    }

    /// <summary>The stable key of the group.</summary>
    public string Key { get; }

    /// <summary>The name users see.</summary>
    public string DisplayName { get; }

    /// <summary>The feature this group belongs to, or <see langword="null"/> for connection-wide settings.</summary>
    public FeatureKind? Feature { get; }

    /// <summary>The fields, in form order.</summary>
    public IReadOnlyList<SettingField> Fields { get; }

    /// <summary>Whether a feature's integration mode needs this group's mandatory fields.</summary>
    /// <param name="feature">The feature.</param>
    /// <returns><see langword="true"/> for connection-wide groups and the feature's own groups.</returns>
    public bool AppliesTo(FeatureKind feature) => Feature is null || Feature == feature;

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
