using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>Checks <see cref="HostedSchedulerOptions"/> at start-up, naming every option out of range.</summary>
internal sealed class HostedSchedulerOptionsValidator : IValidateOptions<HostedSchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, HostedSchedulerOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrentRuns is < 1 or > 256)
        {
            failures.Add($"HostedSchedulerOptions.MaxConcurrentRuns is {options.MaxConcurrentRuns} but must be between 1 and 256.");
        }

        CheckRange(failures, nameof(HostedSchedulerOptions.PollInterval), options.PollInterval, Duration.FromSeconds(1), Duration.FromHours(1));
        CheckRange(failures, nameof(HostedSchedulerOptions.StartSpread), options.StartSpread, Duration.Zero, Duration.FromHours(1));
        CheckRange(failures, nameof(HostedSchedulerOptions.ShutdownGracePeriod), options.ShutdownGracePeriod, Duration.Zero, Duration.FromMinutes(10));
        CheckRange(failures, nameof(HostedSchedulerOptions.AlertDispatchInterval), options.AlertDispatchInterval, Duration.FromSeconds(1), Duration.FromDays(1));
        CheckRange(failures, nameof(HostedSchedulerOptions.MaxPlanningBackoff), options.MaxPlanningBackoff, Duration.FromSeconds(1), Duration.FromHours(1));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(List<string> failures, string option, Duration value, Duration min, Duration max)
    {
        if (value < min || value > max)
        {
            failures.Add($"HostedSchedulerOptions.{option} is {value} but must be between {min} and {max}.");
        }
    }
}
