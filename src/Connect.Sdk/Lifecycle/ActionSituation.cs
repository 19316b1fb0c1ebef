using Connect.Sdk.Features;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// Everything <see cref="AllowedActions"/> looks at to decide whether a piece of sync work may run: the
/// connection's state, the feature's mode, the import mode, the feature and what triggered the work.
/// </summary>
/// <param name="IsProductive">Whether the connection is productive.</param>
/// <param name="CheckPassed">Whether the connection's last check passed.</param>
/// <param name="FeatureMode">The mode of the feature on this connection.</param>
/// <param name="ImportMode">The connection's import mode.</param>
/// <param name="Feature">The feature the work belongs to.</param>
/// <param name="Trigger">What started the work.</param>
public readonly record struct ActionSituation(
    bool IsProductive,
    bool CheckPassed,
    FeatureMode FeatureMode,
    ImportMode ImportMode,
    FeatureKind Feature,
    SyncTrigger Trigger)
{
    /// <summary>The situation of a connection's feature for a trigger.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="trigger">What started the work.</param>
    /// <returns>The situation.</returns>
    public static ActionSituation Of(Connection connection, FeatureKind feature, SyncTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new(connection.IsProductive, connection.Check.Passed, connection.ModeOf(feature), connection.ImportMode, feature, trigger);
    }
}
