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
}
