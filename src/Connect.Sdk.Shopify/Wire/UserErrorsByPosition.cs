namespace Connect.Sdk.Shopify.Wire;

/// <summary>
/// A mutation's user errors, split into those naming one element of its input list (by position, as
/// <c>["variants", "2", "price"]</c> does) and those naming none, which refuse every element alike.
/// </summary>
/// <param name="ByPosition">The first error for each position of the list.</param>
/// <param name="General">The errors naming no element of the list.</param>
internal sealed record UserErrorsByPosition(IReadOnlyDictionary<int, ShopifyUserErrorJson> ByPosition, IReadOnlyList<ShopifyUserErrorJson> General)
{
    /// <summary>Splits the errors.</summary>
    /// <param name="errors">The mutation's <c>userErrors</c>.</param>
    /// <param name="list">The input list's name, e.g. <c>quantities</c>.</param>
    /// <param name="count">How many elements the list had; a position beyond it names none.</param>
    /// <returns>The split.</returns>
    public static UserErrorsByPosition Of(IReadOnlyList<ShopifyUserErrorJson> errors, string list, int count)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byPosition = new Dictionary<int, ShopifyUserErrorJson>();
        var general = new List<ShopifyUserErrorJson>();
        foreach (var error in errors)
        {
            if (error.IndexIn(list) is { } index && index < count)
            {
                byPosition.TryAdd(index, error);
            }
            else
            {
                general.Add(error);
            }
        }

        return new UserErrorsByPosition(byPosition, general);
    }
}
