namespace Connect.Sdk.Lifecycle;

/// <summary>The status of a connection's connection check ("Verbindung prüfen").</summary>
public enum CheckStatus
{
    /// <summary>No check since the connection was created or since its credentials or endpoint last changed.</summary>
    NotChecked,

    /// <summary>The last check passed: the credentials and endpoint work.</summary>
    Passed,

    /// <summary>The last check failed.</summary>
    Failed,
}
