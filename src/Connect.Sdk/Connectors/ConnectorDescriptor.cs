using Connect.Sdk.Features;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Connectors;

/// <summary>
/// What a connector is: its stable id, the name users see, the channel it talks to, the features it
/// supports and the settings a connection of it needs.
/// </summary>
public sealed class ConnectorDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">The stable connector id, e.g. <see cref="ConnectorId.Shopify"/>.</param>
    /// <param name="displayName">The name users see, e.g. "Shopify".</param>
    /// <param name="channel">Whether the connector talks to a shop or a marketplace.</param>
    /// <param name="supportedFeatures">The features the connector implements.</param>
    /// <param name="settings">The settings a connection needs, grouped.</param>
    /// <exception cref="ArgumentException">The display name is empty.</exception>
    public ConnectorDescriptor(
        ConnectorId id,
        string displayName,
        ChannelKind channel,
        IEnumerable<FeatureKind> supportedFeatures,
        SettingsSchema settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(supportedFeatures);
        ArgumentNullException.ThrowIfNull(settings);
        Id = id;
        DisplayName = displayName;
        Channel = channel;
        SupportedFeatures = supportedFeatures.Distinct().Order().ToArray();
        Settings = settings;
    }

    /// <summary>The stable connector id.</summary>
    public ConnectorId Id { get; }

    /// <summary>The name users see.</summary>
    public string DisplayName { get; }

    /// <summary>Whether the connector talks to a shop or a marketplace.</summary>
    public ChannelKind Channel { get; }

    /// <summary>The features the connector implements, in <see cref="FeatureKind"/> order.</summary>
    public IReadOnlyList<FeatureKind> SupportedFeatures { get; }

    /// <summary>The settings a connection of this connector needs.</summary>
    public SettingsSchema Settings { get; }

    /// <summary>Whether the connector implements a feature.</summary>
    /// <param name="feature">The feature kind.</param>
    /// <returns><see langword="true"/> when it is supported.</returns>
    public bool Supports(FeatureKind feature) => SupportedFeatures.Contains(feature);

    /// <inheritdoc />
    public override string ToString() => $"{DisplayName} ({Id})";
}
