using Connect.Sdk.RateLimits;

namespace Connect.Sdk.Tests.RateLimits;

/// <summary>The in-memory store is the reference of the rate budget store contract.</summary>
public sealed class InMemoryRateBudgetStoreTests : RateBudgetStoreContract
{
    protected override ValueTask<IRateBudgetStore> CreateStoreAsync() => ValueTask.FromResult<IRateBudgetStore>(new InMemoryRateBudgetStore());
}
