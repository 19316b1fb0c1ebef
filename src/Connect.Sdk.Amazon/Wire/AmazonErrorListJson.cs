namespace Connect.Sdk.Amazon.Wire;

/// <summary>The SP-API error body: <c>{"errors":[…]}</c>.</summary>
internal sealed record AmazonErrorListJson(IReadOnlyList<AmazonErrorJson>? Errors = null);
