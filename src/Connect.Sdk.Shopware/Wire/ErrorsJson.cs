namespace Connect.Sdk.Shopware.Wire;

/// <summary>Shopware's error body.</summary>
internal sealed record ErrorsJson(IReadOnlyList<ErrorJson>? Errors);
