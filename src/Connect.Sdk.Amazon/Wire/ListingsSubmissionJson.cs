namespace Connect.Sdk.Amazon.Wire;

/// <summary>patchListingsItem's answer: <c>{sku, status: ACCEPTED|INVALID|VALID, submissionId, issues[]}</c>.</summary>
internal sealed record ListingsSubmissionJson(string Sku, string Status, string? SubmissionId = null, IReadOnlyList<ListingsIssueJson>? Issues = null);
