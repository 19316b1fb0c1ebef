namespace Connect.Sdk.Lifecycle;

/// <summary>Why a lifecycle change was refused.</summary>
public enum RefusalCode
{
    /// <summary>Productive mode needs a passed connection check.</summary>
    CheckNotPassed,

    /// <summary>Productive mode needs at least one feature in integration mode.</summary>
    NoFeatureInIntegration,

    /// <summary>
    /// Mandatory settings are empty: a feature cannot go into integration mode, or a setting a feature in
    /// integration mode needs cannot be cleared. <see cref="RefusalReason.MissingSettings"/> lists them per group.
    /// </summary>
    MissingMandatorySettings,

    /// <summary>The connector does not implement the feature.</summary>
    FeatureNotSupported,

    /// <summary>Credentials or the endpoint cannot change while the connection is productive.</summary>
    ProductiveModeActive,

    /// <summary>Taking the last feature out of integration mode would leave a productive connection with none.</summary>
    LastFeatureInIntegration,

    /// <summary>The connector's settings have no field with the given key.</summary>
    UnknownSetting,

    /// <summary>A secret field was given a plain value, or a plain field a secret.</summary>
    SecretMismatch,

    /// <summary>
    /// Credentials or the endpoint changed while the connection check ran, so its result says nothing about
    /// the current settings; run the check again.
    /// </summary>
    SettingsChangedDuringCheck,

    /// <summary>No connection with the given id exists.</summary>
    ConnectionNotFound,

    /// <summary>A connection with the given id already exists.</summary>
    ConnectionExists,

    /// <summary>The connection's connector is not registered with the SDK.</summary>
    ConnectorNotRegistered,

    /// <summary>Other writers kept changing the connection; the change was not applied and can be tried again.</summary>
    ConcurrentChange,

    /// <summary>
    /// A plain value is not valid for its setting: the connector refuses it (a rate that is not a positive number,
    /// an address that is no address), or it holds a user name or password in an address. The message names the
    /// setting and quotes no secret.
    /// </summary>
    InvalidSetting,
}
