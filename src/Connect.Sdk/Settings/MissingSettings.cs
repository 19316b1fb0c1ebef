namespace Connect.Sdk.Settings;

/// <summary>The mandatory fields of one settings group that are still empty.</summary>
/// <param name="Group">The group ("check this tab").</param>
/// <param name="Fields">The empty mandatory fields of that group.</param>
public sealed record MissingSettings(SettingsGroup Group, IReadOnlyList<SettingField> Fields)
{
    /// <summary>A sentence naming the group and its empty fields, e.g. "Connection: Shop URL, Access token".</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => $"{Group.DisplayName}: {string.Join(", ", Fields.Select(f => f.DisplayName))}";
}
