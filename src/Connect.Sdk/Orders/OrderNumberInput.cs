using System.Globalization;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Orders;

/// <summary>
/// Reads the order numbers a user types into "import orders" ("1001, 1002 ,1003"): numbers are separated
/// by commas, semicolons, whitespace or line breaks (a pasted column works too); empty pieces are ignored,
/// as are repeats. A token that cannot be an order number is reported, not guessed at.
/// </summary>
internal static class OrderNumberInput
{
    /// <summary>The longest order number accepted; marketplaces' numbers are far shorter.</summary>
    public const int MaxLength = 100;

    private static readonly char[] Separators = [',', ';'];

    public static (IReadOnlyList<string> Numbers, IReadOnlyList<QueueRejection> Rejected) Parse(string? input)
    {
        var numbers = new List<string>();
        var rejected = new List<QueueRejection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tokens(input ?? string.Empty))
        {
            if (Check(token) is { } problem)
            {
                rejected.Add(new QueueRejection(token, problem));
            }
            else if (seen.Add(token))
            {
                numbers.Add(token);
            }
        }

        if (numbers.Count == 0 && rejected.Count == 0)
        {
            rejected.Add(new QueueRejection(input ?? string.Empty, "no order number given"));
        }

        return (numbers, rejected);
    }

    private static IEnumerable<string> Tokens(string input)
    {
        var start = -1;
        for (var i = 0; i <= input.Length; i++)
        {
            var isSeparator = i == input.Length || char.IsWhiteSpace(input[i]) || Array.IndexOf(Separators, input[i]) >= 0;
            if (!isSeparator && start < 0)
            {
                start = i;
            }
            else if (isSeparator && start >= 0)
            {
                yield return input[start..i];
                start = -1;
            }
        }
    }

    /// <summary>Why a single token cannot be an order number; <see langword="null"/> when it can.</summary>
    public static string? Check(string token)
    {
        if (token.Length > MaxLength)
        {
            return $"is not an order number: longer than {MaxLength} characters";
        }

        foreach (var c in token)
        {
            // Zero-width spaces and the like come along when numbers are copied from web pages or spreadsheets.
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                return $"is not an order number: it contains the character U+{(int)c:X4} (invisible, control or unassigned)";
            }
        }

        return null;
    }
}
