namespace Connect.Sdk.Lifecycle;

/// <summary>The kinds of change recorded in a connection's lifecycle history.</summary>
public enum LifecycleChange
{
    /// <summary>The connection was created (productive mode off, not checked, every feature off but tracking feedback in Test mode, import mode Demo).</summary>
    Created,

    /// <summary>A connection check passed.</summary>
    CheckPassed,

    /// <summary>A connection check failed. Productive mode, if on, stays on.</summary>
    CheckFailed,

    /// <summary>A passed or failed check was reset to "not checked" because credentials or the endpoint changed.</summary>
    CheckReset,

    /// <summary>One setting changed; the history names the field, and shows plain values only, never a secret.</summary>
    SettingsChanged,

    /// <summary>A feature's mode changed (off, test, integration).</summary>
    FeatureModeChanged,

    /// <summary>Productive mode was switched on: background work starts.</summary>
    ProductiveOn,

    /// <summary>Productive mode was switched off: background work stops, manual runs from the journal remain.</summary>
    ProductiveOff,

    /// <summary>The import mode changed (Demo, Manual, Automatic).</summary>
    ImportModeChanged,
}
