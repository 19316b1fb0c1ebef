using Connect.Sdk.Journal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.DependencyInjection;

/// <summary>Checks <see cref="ConnectSdkOptions"/> values at start-up.</summary>
internal sealed class ConnectSdkOptionsValidator : IValidateOptions<ConnectSdkOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectSdkOptions options)
    {
        var failures = new List<string>();
        CheckRange(failures, nameof(ConnectSdkOptions.OrderImportInterval), options.OrderImportInterval, Duration.FromMinutes(1), Duration.FromDays(1));
        CheckRange(failures, nameof(ConnectSdkOptions.StockReconcileInterval), options.StockReconcileInterval, Duration.FromHours(1), Duration.FromDays(7));
        CheckRange(failures, nameof(ConnectSdkOptions.OrderImportOverlap), options.OrderImportOverlap, Duration.Zero, Duration.FromDays(1));
        CheckRange(failures, nameof(ConnectSdkOptions.OrderImportInitialLookback), options.OrderImportInitialLookback, Duration.Zero, Duration.FromDays(90));
        CheckRange(failures, nameof(ConnectSdkOptions.StockSyncInterval), options.StockSyncInterval, Duration.FromSeconds(10), Duration.FromDays(1));
        CheckRange(failures, nameof(ConnectSdkOptions.PriceSyncInterval), options.PriceSyncInterval, Duration.FromSeconds(10), Duration.FromDays(1));
        CheckRange(failures, nameof(ConnectSdkOptions.PriceReconcileInterval), options.PriceReconcileInterval, Duration.FromHours(1), Duration.FromDays(7));
        CheckRange(failures, nameof(ConnectSdkOptions.FailedRunRetryDelay), options.FailedRunRetryDelay, Duration.FromSeconds(1), Duration.FromHours(1));
        CheckRange(failures, nameof(ConnectSdkOptions.LeaseDuration), options.LeaseDuration, Duration.FromSeconds(30), Duration.FromDays(1));
        if (options.JournalHistoryLines is < JournalHistoryBound.MinMaxLines or > JournalHistoryBound.MaxMaxLines)
        {
            failures.Add($"ConnectSdkOptions.JournalHistoryLines is {options.JournalHistoryLines} but must be between {JournalHistoryBound.MinMaxLines} and {JournalHistoryBound.MaxMaxLines}.");
        }

        if (string.IsNullOrWhiteSpace(options.WorkerId))
        {
            failures.Add("ConnectSdkOptions.WorkerId must not be empty: it names this worker when it claims a connection.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(List<string> failures, string option, Duration value, Duration min, Duration max)
    {
        if (value < min || value > max)
        {
            failures.Add($"ConnectSdkOptions.{option} is {value} but must be between {min} and {max}.");
        }
    }
}
