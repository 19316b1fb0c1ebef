using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>How long to wait after planning failed <c>n</c> times in a row: the poll interval, doubled per failure, capped.</summary>
internal static class PlanningBackoff
{
    public static Duration After(int consecutiveFailures, Duration pollInterval, Duration max)
    {
        var wait = pollInterval;
        for (var i = 1; i < consecutiveFailures && wait < max; i++)
        {
            wait += wait;
        }

        return wait < max ? wait : max;
    }
}
