using System.Globalization;

namespace Connect.Sdk.Shopify.Wire;

/// <summary>A user error of a mutation: HTTP 200, nothing applied.</summary>
internal sealed class ShopifyUserErrorJson
{
    /// <summary>The path of the input field, e.g. <c>input, quantities, 3, changeFromQuantity</c>.</summary>
    public IReadOnlyList<string>? Field { get; init; }

    /// <summary>What Shopify refused.</summary>
    public string? Message { get; init; }

    /// <summary>e.g. <c>CHANGE_FROM_QUANTITY_STALE</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The position in an input list the error names: 3 for <c>["input", "quantities", "3", "quantity"]</c> and list <c>quantities</c>.</summary>
    /// <param name="list">The input list's name.</param>
    /// <returns>The position, or <see langword="null"/> when the error names no element of the list.</returns>
    public int? IndexIn(string list)
    {
        var field = Field ?? [];
        for (var i = 0; i + 1 < field.Count; i++)
        {
            if (field[i] == list && int.TryParse(field[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }
        }

        return null;
    }

    /// <summary>The error as a journal message says it: Shopify's message, its code and the input field it names.</summary>
    /// <returns>e.g. <c>Price cannot take a negative value. (NEGATIVE_PRICE_VALUE, field variants.0.compareAtPrice)</c>.</returns>
    public string Describe()
    {
        var about = string.Join(", ", new[] { Code, Field is { Count: > 0 } path ? "field " + string.Join('.', path) : null }.OfType<string>());
        var message = Message ?? "no reason given";
        return about.Length == 0 ? message : $"{message} ({about})";
    }
}
