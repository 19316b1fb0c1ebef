using Connect.Sdk.Settings;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class BudgetAccountTests
{
    [Fact]
    public void Of_ClientKey_NamesTheMarketplaceAndHidesTheKey()
    {
        var account = BudgetAccount.Of("basar", new SecretValue("key-1234567890"));

        Assert.Matches("^basar:[0-9a-f]{16}$", account);
        Assert.DoesNotContain("1234567890", account, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SameAndOtherKeys_SharesABudgetOnlyForTheSameKey()
    {
        var first = BudgetAccount.Of("basar", new SecretValue("key-1234567890"));

        Assert.Equal(first, BudgetAccount.Of("basar", new SecretValue("key-1234567890")));
        Assert.NotEqual(first, BudgetAccount.Of("basar", new SecretValue("key-1234567891")));
    }
}
