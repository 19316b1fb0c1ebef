using Connect.Sdk.Features;

namespace Connect.Sdk.Settings;

/// <summary>
/// The settings a connector's connections need, in groups. The lifecycle uses it to refuse integration
/// mode while a mandatory field is empty, naming each missing field by group.
/// </summary>
public sealed class SettingsSchema
{
    /// <summary>Creates a schema.</summary>
    /// <param name="groups">The groups, in form order.</param>
    /// <exception cref="ArgumentException">Two groups share a key, or two fields share a key across groups.</exception>
    public SettingsSchema(IEnumerable<SettingsGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = groups.ToArray();
        var duplicateGroup = Groups.GroupBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateGroup is not null)
        {
            throw new ArgumentException($"The settings schema has the group '{duplicateGroup.Key}' twice.", nameof(groups));
        }

        var duplicateField = Groups.SelectMany(g => g.Fields).GroupBy(f => f.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateField is not null)
        {
            throw new ArgumentException($"The settings schema has the field '{duplicateField.Key}' in more than one place.", nameof(groups));
        }
    }

    /// <summary>A schema with no settings.</summary>
    public static SettingsSchema Empty { get; } = new([]);

    /// <summary>The groups, in form order.</summary>
    public IReadOnlyList<SettingsGroup> Groups { get; }

    /// <summary>Every field of every group.</summary>
    public IEnumerable<SettingField> Fields => Groups.SelectMany(g => g.Fields);

    /// <summary>Finds a field by key.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The field, or <see langword="null"/>.</returns>
    public SettingField? FindField(string key) => Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    /// <summary>
    /// Lists the mandatory fields a feature needs that are empty in the given settings, grouped by the
    /// group they belong to.
    /// </summary>
    /// <param name="feature">The feature about to be put in integration mode.</param>
    /// <param name="settings">The connection's current settings.</param>
    /// <returns>One entry per group with at least one missing field; empty when nothing is missing.</returns>
    public IReadOnlyList<MissingSettings> FindMissingMandatory(FeatureKind feature, ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Groups
            .Where(g => g.AppliesTo(feature))
            .Select(g => new MissingSettings(g, g.Fields.Where(f => f.IsMandatory && !settings.HasValue(f)).ToArray()))
            .Where(m => m.Fields.Count > 0)
            .ToArray();
    }
}
