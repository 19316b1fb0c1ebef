namespace Connect.Sdk.Settings;

/// <summary>
/// Quotes a value a user entered in a message about it, shortened when long, so that a pasted 70,000-character
/// address makes a message of a line, not of 70,000 characters.
/// </summary>
public static class QuotedValue
{
    /// <summary>How many characters of a value a message shows at most.</summary>
    public const int MaxShown = 60;

    /// <summary>
    /// The value in single quotes: whole when it has at most <see cref="MaxShown"/> characters, else its start,
    /// an ellipsis and its length, e.g. <c>'https://shop.example.com/aaaa…' (70000 characters)</c>.
    /// </summary>
    /// <param name="value">The value as entered; never a secret.</param>
    /// <returns>The quoted value.</returns>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= MaxShown ? $"'{value}'" : $"'{value[..MaxShown]}…' ({value.Length} characters)";
    }
}
