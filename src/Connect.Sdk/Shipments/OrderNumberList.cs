using Connect.Sdk.Sync;

namespace Connect.Sdk.Shipments;

/// <summary>
/// Reads the order numbers a user typed into "Auftragsstatus &amp; Tracking exportieren" ("1001, 1002"):
/// separated by commas, semicolons or white space, trimmed, duplicates ignored, unusable tokens reported.
/// </summary>
internal static class OrderNumberList
{
    private const int MaxLength = 100;

    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    public static (IReadOnlyList<string> Numbers, IReadOnlyList<QueueRejection> Rejected) Parse(string? input)
    {
        var numbers = new List<string>();
        var rejected = new List<QueueRejection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in (input ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Problem(token) is { } reason)
            {
                rejected.Add(new QueueRejection(token, reason));
            }
            else if (seen.Add(token))
            {
                numbers.Add(token);
            }
        }

        if (numbers.Count == 0 && rejected.Count == 0)
        {
            rejected.Add(new QueueRejection(input ?? string.Empty, "Enter at least one order number, e.g. \"1001, 1002\"."));
        }

        return (numbers, rejected);
    }

    // Marketplace order numbers are letters and digits with a few separators (Amazon's 302-1234567-1234567, Shopify's #1001).
    private static string? Problem(string token)
    {
        if (token.Length > MaxLength)
        {
            return $"is not an order number: longer than {MaxLength} characters.";
        }

        return token.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '#')
            ? null
            : "is not an order number: only letters, digits and - _ . / # are allowed.";
    }
}
