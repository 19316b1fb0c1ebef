namespace Connect.Sdk.Amazon.Wire;

/// <summary>An issue of a listings submission: <c>{code, message, severity: ERROR|WARNING|INFO, attributeNames?}</c>.</summary>
internal sealed record ListingsIssueJson(string Code, string Message, string Severity, IReadOnlyList<string>? AttributeNames = null);
