namespace Connect.Sdk.Kaufland.Wire;

/// <summary>One request value at fault in an error answer.</summary>
/// <param name="Field">The request value's name.</param>
/// <param name="Message">Why it was refused.</param>
internal sealed record KauflandErrorDetailJson(string? Field, string? Message);
