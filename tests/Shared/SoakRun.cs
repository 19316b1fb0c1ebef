using System.Diagnostics;
using System.Globalization;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Hosting;
using NodaTime;
using Xunit.Abstractions;

namespace Connect.Sdk.TestSupport;

/// <summary>
/// Drives a soak: lets sample time pass half an hour at a time until every order is booked and every level is right, or
/// a day is over; then reports what it took and asserts that every order was booked exactly once and every level is right.
/// </summary>
/// <param name="marketplace">The marketplace's name, for the report.</param>
/// <param name="host">The SDK under soak.</param>
/// <param name="faults">The fake's fault plan.</param>
/// <param name="output">Where the report goes.</param>
internal sealed class SoakRun(string marketplace, ConnectTestHost host, FaultPlan faults, ITestOutputHelper output)
{
    private static readonly Duration Step = Duration.FromMinutes(30);
    private static readonly Duration Limit = Duration.FromHours(24);

    /// <summary>Runs the soak to its end and asserts its outcome.</summary>
    /// <param name="orderNumbers">Every order placed on the fake.</param>
    /// <param name="articles">How many articles' levels are checked.</param>
    /// <param name="wrongLevels">How many levels on the fake differ from the ERP's now.</param>
    /// <param name="requests">How many requests the fake has had.</param>
    /// <returns>A task that completes when the soak is over.</returns>
    public async Task DrainAsync(IReadOnlyCollection<string> orderNumbers, int articles, Func<int> wrongLevels, Func<int> requests)
    {
        var clock = Stopwatch.StartNew();
        var sampleTime = Duration.Zero;
        var runs = new List<WorkRunResult>();
        while (sampleTime < Limit && !(host.Orders.Orders.Count >= orderNumbers.Count && wrongLevels() == 0))
        {
            runs.AddRange(await host.RunForAsync(Step));
            sampleTime += Step;
            output.WriteLine($"{sampleTime}: {host.Orders.Orders.Count} booked, {wrongLevels()} levels wrong");
        }

        var booked = host.Orders.Orders.GroupBy(o => o.Order.OrderNumber).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{marketplace}: {booked.Count} of {orderNumbers.Count} orders booked ({booked.Values.Count(c => c > 1)} more than once), {articles - wrongLevels()} of {articles} levels right after {sampleTime.TotalHours} h of sample time ({clock.Elapsed.TotalSeconds:F0} s real); {requests()} requests, {faults.Injected.Count} faulted ({SoakFaults.Tally(faults)}); {runs.Count(r => r.Outcome == WorkRunOutcome.Failed)} of {runs.Count} runs failed."));
        foreach (var failure in runs.Where(r => r.Outcome == WorkRunOutcome.Failed).GroupBy(r => $"{r.Item.Kind}: {r.Message?[..Math.Min(r.Message.Length, 100)]}").OrderByDescending(g => g.Count()).Take(10))
        {
            output.WriteLine($"{failure.Count()} × {failure.Key}");
        }

        Assert.All(orderNumbers, n => Assert.Equal(1, booked.GetValueOrDefault(n)));
        Assert.Equal(0, wrongLevels());
    }
}
