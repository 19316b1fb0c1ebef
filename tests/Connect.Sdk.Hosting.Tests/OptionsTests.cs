using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class OptionsTests
{
    public static TheoryData<Action<HostedSchedulerOptions>, string> OutOfRange => new()
    {
        { o => o.MaxConcurrentRuns = 0, "HostedSchedulerOptions.MaxConcurrentRuns is 0 but must be between 1 and 256." },
        { o => o.MaxConcurrentRuns = 257, "HostedSchedulerOptions.MaxConcurrentRuns is 257 but must be between 1 and 256." },
        { o => o.PollInterval = Duration.FromMilliseconds(500), "HostedSchedulerOptions.PollInterval is" },
        { o => o.PollInterval = Duration.FromHours(2), "HostedSchedulerOptions.PollInterval is" },
        { o => o.StartSpread = Duration.FromSeconds(-1), "HostedSchedulerOptions.StartSpread is" },
        { o => o.ShutdownGracePeriod = Duration.FromMinutes(11), "HostedSchedulerOptions.ShutdownGracePeriod is" },
        { o => o.AlertDispatchInterval = Duration.Zero, "HostedSchedulerOptions.AlertDispatchInterval is" },
        { o => o.MaxPlanningBackoff = Duration.FromHours(2), "HostedSchedulerOptions.MaxPlanningBackoff is" },
    };

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new HostedSchedulerOptionsValidator().Validate(null, new HostedSchedulerOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_OptionOutOfRange_FailsNamingTheOption(Action<HostedSchedulerOptions> change, string message)
    {
        var options = new HostedSchedulerOptions();
        change(options);

        var result = new HostedSchedulerOptionsValidator().Validate(null, options);

        Assert.Contains(message, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralOptionsOutOfRange_NamesEveryOne()
    {
        var options = new HostedSchedulerOptions { MaxConcurrentRuns = 0, PollInterval = Duration.Zero };

        var result = new HostedSchedulerOptionsValidator().Validate(null, options);

        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void StartupValidation_OptionOutOfRange_FailsWithTheOptionsMessage()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseInMemoryStores().AddHostedScheduler(o => o.MaxConcurrentRuns = 0);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("HostedSchedulerOptions.MaxConcurrentRuns is 0", failure.Message, StringComparison.Ordinal);
    }
}
