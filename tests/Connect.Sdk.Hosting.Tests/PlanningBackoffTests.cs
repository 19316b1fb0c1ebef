using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class PlanningBackoffTests
{
    [Theory]
    [InlineData(1, 10, 300, 10)]
    [InlineData(2, 10, 300, 20)]
    [InlineData(5, 10, 300, 160)]
    [InlineData(6, 10, 300, 300)]
    [InlineData(1000, 10, 300, 300)]
    [InlineData(3, 60, 30, 60)]
    public void After_ConsecutiveFailures_DoublesFromThePollIntervalCappedButNeverBelowIt(int failures, int pollSeconds, int maxSeconds, int expectedSeconds)
    {
        var wait = PlanningBackoff.After(failures, Duration.FromSeconds(pollSeconds), Duration.FromSeconds(maxSeconds));

        Assert.Equal(Duration.FromSeconds(expectedSeconds), wait);
    }
}
