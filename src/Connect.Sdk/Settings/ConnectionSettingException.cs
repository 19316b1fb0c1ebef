namespace Connect.Sdk.Settings;

/// <summary>
/// A connection setting or secret a connector (or the marketplace, refusing it) cannot work with: empty, malformed, or
/// a credential the marketplace refused. The message names the connection and the setting and never quotes a secret;
/// <see cref="SettingKey"/> names the setting for the ERP's settings screen. Its <see cref="ConnectSdkException.Code"/>
/// is <see cref="ConnectSdkErrorCode.SettingsInvalid"/> unless the thrower sets
/// <see cref="ConnectSdkErrorCode.CredentialsRefused"/>.
/// </summary>
public class ConnectionSettingException : ConnectSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="settingKey">The key of the setting to fix, e.g. <c>baseUrl</c>.</param>
    /// <param name="message">What is wrong, without any secret value.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ConnectionSettingException(string settingKey, string message, Exception? innerException = null)
        : base(ConnectSdkErrorCode.SettingsInvalid, message, innerException)
    {
        SettingKey = settingKey;
    }

    /// <summary>Creates the exception without a setting (for serializers and analyzers).</summary>
    public ConnectionSettingException()
        : this(string.Empty, "A connection setting is wrong.")
    {
    }

    /// <summary>Creates the exception without a setting.</summary>
    /// <param name="message">What is wrong.</param>
    public ConnectionSettingException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception without a setting.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectionSettingException(string message, Exception? innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>The key of the setting to fix; empty when unknown.</summary>
    public string SettingKey { get; }
}
