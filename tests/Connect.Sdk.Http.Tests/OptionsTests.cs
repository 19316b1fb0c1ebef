using Connect.Sdk.Http.Tests.TestDoubles;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Http.Tests;

public sealed class OptionsTests : IDisposable
{
    private readonly ClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void CreateClient_RateLimitWithoutAccount_IsRefusedNamingTheProblem()
    {
        _harness.Add("shop", o => o.RateLimit = RateLimitModel.LeakyBucket(40, 2));

        var exception = Assert.Throws<OptionsValidationException>(() => _harness.Client("shop"));
        Assert.Contains("shared per account", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateClient_AttemptTimeoutLongerThanTotal_IsRefused()
    {
        _harness.Add("shop", o => o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(5));

        Assert.Throws<OptionsValidationException>(() => _harness.Client("shop"));
    }

    [Fact]
    public void CreateClient_Defaults_HasNoHttpClientTimeoutOfItsOwn()
    {
        _harness.Add("shop");

        var client = _harness.Client("shop");

        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
        Assert.Equal(new Uri("https://marketplace.test/"), client.BaseAddress);
    }
}
