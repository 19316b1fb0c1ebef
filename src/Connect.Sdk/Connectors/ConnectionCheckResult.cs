namespace Connect.Sdk.Connectors;

/// <summary>
/// The outcome of a connection check: passed, or failed with what failed, in words the user can act on
/// ("the access token was rejected (401)"). Never contains a secret.
/// </summary>
public sealed record ConnectionCheckResult
{
    private ConnectionCheckResult(bool passed, string message, string? failedSetting)
    {
        Passed = passed;
        Message = message;
        FailedSetting = failedSetting;
    }

    /// <summary>Whether the check passed.</summary>
    public bool Passed { get; }

    /// <summary>What the check found: a short confirmation, or what failed.</summary>
    public string Message { get; }

    /// <summary>The key of the setting that is most likely wrong, when the connector can tell.</summary>
    public string? FailedSetting { get; }

    /// <summary>A passed check.</summary>
    /// <param name="message">An optional confirmation such as "Connected to shop example.myshopify.com".</param>
    /// <returns>The result.</returns>
    public static ConnectionCheckResult Success(string message = "Connection verified.") => new(true, message, null);

    /// <summary>A failed check.</summary>
    /// <param name="message">What failed, without any secret value.</param>
    /// <param name="failedSetting">The key of the setting that is most likely wrong, if known.</param>
    /// <returns>The result.</returns>
    public static ConnectionCheckResult Failure(string message, string? failedSetting = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(false, message, failedSetting);
    }
}
