using System.Diagnostics;
using System.Globalization;

namespace Connect.Sdk.Pacing.Measurement;

/// <summary>
/// Runs every scenario at every number in flight against one loopback marketplace, back to back in one run, and prints
/// a table: elapsed from the first arrival to the last applied write over the theoretical minimum
/// <c>(writes − burst) / rate</c>, 429s (and how many came after the first second), writes lost (never applied) and
/// writes applied twice. Each scenario's processes start together on a fresh, full bucket.
/// </summary>
public static class PacingMeasurement
{
    // Enough for the writer processes to start and compile on a loaded machine before the common start.
    private static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(6);

    /// <summary>Runs the measurement.</summary>
    public static async Task<int> RunAsync(PacingSettings settings)
    {
        await using var marketplace = await LoopbackMarketplace.StartAsync(settings.Burst, settings.Rate);
        var minimum = (settings.Writes - settings.Burst) / settings.Rate;
        var folder = Directory.CreateTempSubdirectory("connect-sdk-pacing-");
        Console.WriteLine($"{settings.Writes} writes into a token bucket of burst {settings.Burst} at {settings.Rate.ToString(CultureInfo.InvariantCulture)}/s on {marketplace.Address}; theoretical minimum {minimum:F2} s");
        Console.WriteLine();
        Console.WriteLine("| client | in flight (per client) | elapsed / minimum | 429 (after 1st s) | writes lost | applied twice |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        try
        {
            foreach (var inFlight in settings.InFlight)
            {
                foreach (var scenario in settings.Scenarios)
                {
                    var before = scenario.EndsWith("-before", StringComparison.Ordinal);
                    var writer = before ? settings.BeforeWriter : typeof(PacingMeasurement).Assembly.Location;
                    // The SDK before a change may not know the PostgreSQL schema of this one.
                    if (writer.Length == 0 || (before && scenario.StartsWith("postgres", StringComparison.Ordinal)) || Writers(before ? scenario[..^"-before".Length] : scenario, settings, folder.FullName, $"{scenario}-{inFlight}") is not { } writers)
                    {
                        continue;
                    }

                    marketplace.Reset();
                    var startAt = (DateTimeOffset.UtcNow + StartDelay).ToUnixTimeMilliseconds();
                    var share = settings.Writes / writers.Count;
                    var runs = writers.Select((arguments, process) => RunWriterAsync(
                        writer,
                        [.. arguments, "--url", marketplace.Address.ToString(), "--in-flight", inFlight.ToString(CultureInfo.InvariantCulture),
                         "--writes", share.ToString(CultureInfo.InvariantCulture), "--first-id", (process * share).ToString(CultureInfo.InvariantCulture),
                         "--start-at", startAt.ToString(CultureInfo.InvariantCulture), "--burst", settings.Burst.ToString(CultureInfo.InvariantCulture),
                         "--rate", settings.Rate.ToString(CultureInfo.InvariantCulture)])).ToArray();
                    await Task.WhenAll(runs);
                    var tally = marketplace.Reset();
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {scenario} | {inFlight} | {tally.Elapsed.TotalSeconds / minimum:F3} × ({tally.Elapsed.TotalSeconds:F2} s) | {tally.Throttled} ({tally.ThrottledAfterFirstSecond}) | {settings.Writes - tally.Applied} | {tally.Duplicates} |"));
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    // The writer processes of a scenario and their own arguments; null for a scenario this run cannot do.
    private static List<string[]>? Writers(string scenario, PacingSettings settings, string folder, string run) => scenario switch
    {
        "baseline" => [["--client", "baseline"]],
        "sdk" => [["--client", "sdk"]],
        "sdk-two-clients" => [["--client", "sdk", "--clients", "2"]],
        "sqlite-two-processes" => TwoProcesses($"sqlite:{Path.Combine(folder, $"budgets-{run}.db")}"),
        "postgres-two-processes" when settings.Postgres.Length > 0 => TwoProcesses($"postgres:{settings.Postgres}"),
        "postgres-two-processes" => null,
        _ => throw new ArgumentException($"Unknown scenario '{scenario}'.", nameof(scenario)),
    };

    private static List<string[]> TwoProcesses(string store) => [["--client", "sdk", "--store", store], ["--client", "sdk", "--store", store]];

    private static async Task RunWriterAsync(string writer, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add("writer");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The writer process did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"A writer failed with exit code {process.ExitCode}: {await errors}");
        }

        _ = await output;
    }
}
