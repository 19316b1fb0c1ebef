using System.Text.RegularExpressions;

namespace Connect.Sdk.Settings;

/// <summary>
/// Credentials typed into an address (<c>https://user:secret@shop.example.com</c>, or without the scheme
/// <c>user:secret@shop.example.com</c>): a password in a plain setting would be stored, logged and kept in the
/// lifecycle history in clear text, so settings refuse it and the history never shows it.
/// </summary>
internal static partial class UrlCredentials
{
    private const string Hidden = "***";

    /// <summary>Whether a value carries a user name or password before an address's host.</summary>
    public static bool AreIn(string value) => WithScheme().IsMatch(value) || WithoutScheme().IsMatch(value);

    /// <summary>The first plain setting (in key order) whose stored value carries credentials in an address, if any.</summary>
    public static string? FirstSettingHoldingThem(ConnectionSettings settings) =>
        settings.Values.OrderBy(v => v.Key, StringComparer.Ordinal).FirstOrDefault(v => AreIn(v.Value)).Key;

    /// <summary>Why a setting holding credentials in its address is refused; names the field, never the value, which holds the password.</summary>
    public static string Refusal(string displayName, string key) =>
        $"'{displayName}' ({key}) holds a user name or password in the address (before '@'): enter the address without them; credentials belong in the connector's secret settings.";

    /// <summary>The value with the user name and password of an address replaced by <c>***</c>.</summary>
    public static string Hide(string value)
    {
        var hidden = WithScheme().Replace(value, m => m.Groups["scheme"].Value + Hidden + "@");
        return WithoutScheme().Replace(hidden, Hidden + "@");
    }

    // With a scheme, any user info counts (a user name alone is often a token); the host part starts after '@'.
    [GeneratedRegex(@"(?<scheme>\b[a-z][a-z0-9+.\-]*://)[^/?#@\s]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WithScheme();

    // Without one, only "user:password@host" at the start: an e-mail address (orders@shop.example.com) is not a credential.
    [GeneratedRegex(@"^\s*[^/?#@\s:]+:[^/?#@\s]+@(?=[^/?#@\s])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WithoutScheme();
}
