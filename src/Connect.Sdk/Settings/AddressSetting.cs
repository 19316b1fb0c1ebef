using System.Globalization;

namespace Connect.Sdk.Settings;

/// <summary>
/// The length limit of a setting that holds an address (a shop URL, an API endpoint). A longer value is a paste gone
/// wrong, and every message that quotes the request's address (a failed call, a log line) would carry it whole.
/// </summary>
public static class AddressSetting
{
    /// <summary>The most characters an address setting takes; browsers and servers commonly stop near 2,000 too.</summary>
    public const int MaxLength = 2048;

    /// <summary>A problem when the address is longer than <see cref="MaxLength"/>, else <see langword="null"/>.</summary>
    /// <param name="key">The setting's key.</param>
    /// <param name="name">How a message names the setting, e.g. <c>The WooCommerce store URL (storeUrl)</c>.</param>
    /// <param name="value">The address as entered.</param>
    /// <returns>The problem, which quotes no part of the value, or <see langword="null"/>.</returns>
    public static SettingProblem? LengthProblem(string key, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().Length <= MaxLength
            ? null
            : new(key, string.Create(CultureInfo.InvariantCulture, $"{name} is {value.Length} characters long; an address has at most {MaxLength}."));
    }
}
