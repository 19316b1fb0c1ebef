namespace Connect.Sdk.Lifecycle;

/// <summary>How a connection uses one feature (the seed's per-feature "Integrationsmodus" switch).</summary>
public enum FeatureMode
{
    /// <summary>The feature is not used by this connection: nothing runs, not even from the journal.</summary>
    Off,

    /// <summary>
    /// The feature is selected but still being tested: it runs only when a user starts it record by record
    /// from the journal, never on the schedule or on an ERP event.
    /// </summary>
    Test,

    /// <summary>
    /// The feature is in integration mode: once the connection is productive it runs in the background
    /// (on the schedule and on ERP events).
    /// </summary>
    Integration,
}
