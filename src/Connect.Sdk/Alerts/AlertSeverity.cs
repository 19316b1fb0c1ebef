namespace Connect.Sdk.Alerts;

/// <summary>How serious an alert is; subscriptions choose warnings, errors or both.</summary>
public enum AlertSeverity
{
    /// <summary>A record synced with a warning.</summary>
    Warning,

    /// <summary>A record failed.</summary>
    Error,
}
