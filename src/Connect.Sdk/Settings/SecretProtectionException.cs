namespace Connect.Sdk.Settings;

/// <summary>
/// A stored secret cannot be read back: its protected text was changed, belongs to another row, was written under
/// another scheme, or was protected with a key the host no longer has (a key folder lost or not restored). The message
/// names the connection, the setting and where the keys are configured, never the secret or its protected text; its
/// <see cref="ConnectSdkException.Code"/> is <see cref="ConnectSdkErrorCode.Failure"/>, since the host's set-up, not
/// the user, must change.
/// </summary>
public sealed class SecretProtectionException : ConnectSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="connection">The connection whose secret cannot be read.</param>
    /// <param name="settingKey">The setting key of the secret.</param>
    /// <param name="message">What is wrong and what to do, without the secret or its protected text.</param>
    /// <param name="innerException">The cause, if any; it must not quote the secret either.</param>
    public SecretProtectionException(ConnectionId connection, string settingKey, string message, Exception? innerException = null)
        : base(ConnectSdkErrorCode.Failure, message, innerException)
    {
        Connection = connection;
        SettingKey = settingKey;
    }

    /// <summary>Creates the exception without a row (for serializers and analyzers).</summary>
    public SecretProtectionException()
        : this("A stored secret cannot be read back.")
    {
    }

    /// <summary>Creates the exception without a row.</summary>
    /// <param name="message">What is wrong.</param>
    public SecretProtectionException(string message)
        : base(ConnectSdkErrorCode.Failure, message)
    {
        SettingKey = string.Empty;
    }

    /// <summary>Creates the exception without a row.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SecretProtectionException(string message, Exception? innerException)
        : base(ConnectSdkErrorCode.Failure, message, innerException)
    {
        SettingKey = string.Empty;
    }

    /// <summary>The connection whose secret cannot be read; default when unknown.</summary>
    public ConnectionId Connection { get; }

    /// <summary>The setting key of the secret; empty when unknown.</summary>
    public string SettingKey { get; }
}
