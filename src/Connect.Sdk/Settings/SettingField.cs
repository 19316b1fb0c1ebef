namespace Connect.Sdk.Settings;

/// <summary>
/// One setting a connection needs, such as the shop URL or an access token.
/// </summary>
/// <param name="Key">The stable key, e.g. <c>accessToken</c>.</param>
/// <param name="DisplayName">The label users see, e.g. "Access token".</param>
public sealed record SettingField(string Key, string DisplayName)
{
    /// <summary>
    /// Whether the field must be filled before a feature that uses its group can be put in integration
    /// mode (marked with * in the seed's forms).
    /// </summary>
    public bool IsMandatory { get; init; }

    /// <summary>
    /// Whether the value is a secret (a token, a key, a password). Secret values live in the host's
    /// <see cref="ISecretStore"/>, never in the connection settings, logs, journal messages or exceptions.
    /// </summary>
    public bool IsSecret { get; init; }

    /// <summary>
    /// Whether changing the value invalidates a passed connection check (credentials and endpoints do,
    /// a stock buffer does not). Secrets always do.
    /// </summary>
    public bool AffectsConnection { get; init; }

    /// <summary>A help text for the form, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The value a new connection starts with, if any; never set for secrets.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Whether changing this field invalidates the connection check.</summary>
    public bool InvalidatesCheck => IsSecret || AffectsConnection;
}
