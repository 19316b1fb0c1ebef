namespace Connect.Sdk.Shopware.Wire;

/// <summary>One error: status, code, title, detail, the pointer to the field and meta.</summary>
internal sealed record ErrorJson(string? Status, string? Code, string? Title, string? Detail, ErrorSourceJson? Source, ErrorMetaJson? Meta);
