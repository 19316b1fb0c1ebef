using Connect.Sdk.Features;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Connectors;

/// <summary>
/// A connector: the code that talks to one kind of shop or marketplace. One instance serves every
/// connection of its kind; everything connection-specific arrives in a <see cref="ConnectionContext"/>.
/// </summary>
/// <remarks>
/// Partners implement this interface (and one feature interface per supported <see cref="FeatureKind"/>)
/// to add a marketplace the SDK does not ship, and prove it with the conformance kit in
/// <c>Connect.Sdk.Testing</c>.
/// </remarks>
public interface IConnector
{
    /// <summary>What the connector is: id, name, channel, features and settings.</summary>
    ConnectorDescriptor Descriptor { get; }

    /// <summary>
    /// The feature implementations, one per kind in <see cref="ConnectorDescriptor.SupportedFeatures"/>.
    /// </summary>
    IReadOnlyList<IFeature> Features { get; }

    /// <summary>
    /// Checks the connection ("Verbindung prüfen"): verifies that the credentials and endpoint work
    /// without exchanging any business data (no orders read, no stock written).
    /// </summary>
    /// <param name="connection">The connection to check.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether the check passed, and if not, what failed.</returns>
    ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the plain settings as they would be saved, before they are: a value that can never work (a rate
    /// that is not a number, an address that is no address) is refused when the user saves it, not only by the
    /// connection check. Pure: no I/O and no secrets. An empty value is not a problem here; mandatory fields are
    /// checked when a feature goes into integration mode.
    /// </summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting, each naming it and quoting no secret; none by default.</returns>
    IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => [];
}
