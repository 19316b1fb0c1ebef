namespace Connect.Sdk.Testing.RateLimits;

/// <summary>What a rate-limit bucket counts.</summary>
public enum RateLimitScope
{
    /// <summary>One bucket for every request of the account (API key).</summary>
    Account,

    /// <summary>One bucket per marketplace operation, e.g. <c>orders.list</c> (Amazon's per-operation limits).</summary>
    Operation,
}
