using Connect.Sdk.Settings;

namespace Connect.Sdk.Amazon;

/// <summary>
/// A connection setting or credential that Amazon (or the connector, before calling Amazon) cannot work with: an empty
/// or malformed setting (<see cref="ConnectSdkErrorCode.SettingsInvalid"/>), or a refresh token or client secret that
/// Login with Amazon refused (<see cref="ConnectSdkErrorCode.CredentialsRefused"/>). The message names the setting and
/// never quotes a secret.
/// </summary>
public sealed class AmazonSettingException : ConnectionSettingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="settingKey">The key of the setting to fix, e.g. <c>refreshToken</c>.</param>
    /// <param name="message">What is wrong, without any secret value.</param>
    public AmazonSettingException(string settingKey, string message)
        : base(settingKey, message)
    {
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    /// <param name="settingKey">The key of the setting to fix, e.g. <c>refreshToken</c>.</param>
    /// <param name="message">What is wrong, without any secret value.</param>
    /// <param name="innerException">The cause, e.g. Login with Amazon's refusal of the credentials.</param>
    public AmazonSettingException(string settingKey, string message, Exception? innerException)
        : base(settingKey, message, innerException)
    {
    }

    /// <summary>Creates the exception without a setting (for serializers and analyzers).</summary>
    public AmazonSettingException()
        : this(string.Empty, "An Amazon setting is wrong.")
    {
    }

    /// <summary>Creates the exception without a setting.</summary>
    /// <param name="message">What is wrong.</param>
    public AmazonSettingException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception without a setting.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AmazonSettingException(string message, Exception? innerException)
        : base(string.Empty, message, innerException)
    {
    }
}
