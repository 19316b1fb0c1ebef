using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// How long to wait after planning failed <c>n</c> times in a row: the poll interval, doubled per failure, capped at
/// the maximum but never shorter than the poll interval (failing must not make the loop ask more often than normal).
/// </summary>
internal static class PlanningBackoff
{
    public static Duration After(int consecutiveFailures, Duration pollInterval, Duration max)
    {
        var cap = max > pollInterval ? max : pollInterval;
        var wait = pollInterval;
        for (var i = 1; i < consecutiveFailures && wait < cap; i++)
        {
            wait += wait;
        }

        return wait < cap ? wait : cap;
    }
}
