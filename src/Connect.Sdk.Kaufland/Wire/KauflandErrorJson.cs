namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The Seller API's <c>ErrorResponse</c>: a problem type, a message and the request values at fault.</summary>
/// <param name="Type">The problem type, e.g. <c>/problems/corrupted-signature</c>.</param>
/// <param name="Message">The message.</param>
/// <param name="Errors">The request values at fault.</param>
internal sealed record KauflandErrorJson(string? Type, string? Message, IReadOnlyList<KauflandErrorDetailJson?>? Errors);
