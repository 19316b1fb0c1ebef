namespace Connect.Sdk.Shopware.Wire;

/// <summary>An error's meta: the parameters of its message.</summary>
internal sealed record ErrorMetaJson(ErrorParametersJson? Parameters);
