namespace Connect.Sdk.Amazon.Wire;

/// <summary>One SP-API error: <c>{code, message, details?}</c>, e.g. <c>InvalidInput</c> or <c>QuotaExceeded</c>.</summary>
internal sealed record AmazonErrorJson(string Code, string? Message = null, string? Details = null);
