using System.Diagnostics.Metrics;
using Connect.Sdk.Diagnostics;

namespace Connect.Sdk.Orders;

/// <summary>The order import's instruments on <see cref="ConnectSdkDiagnostics.Meter"/>.</summary>
internal static class OrderImportMetrics
{
    /// <summary>The name of the hand-overs counter.</summary>
    public const string HandOversName = "connect_sdk.orders.hand_overs";

    /// <summary>The name of the staged-orders counter.</summary>
    public const string StagedName = "connect_sdk.orders.staged";

    private static readonly Counter<long> HandOvers = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        HandOversName, unit: "{order}", description: "Orders taken through step two of the import, by outcome (imported, already_imported, held, refused_by_erp, broke_off).");

    private static readonly Counter<long> Staged = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        StagedName, unit: "{order}", description: "Orders loaded from a marketplace into the staging area (step one of the import).");

    public static void HandedOver(OrderOutcome outcome) =>
        HandOvers.Add(1, new KeyValuePair<string, object?>("connect_sdk.outcome", outcome.Kind switch
        {
            OrderOutcomeKind.Imported => "imported",
            OrderOutcomeKind.AlreadyImported => "already_imported",
            OrderOutcomeKind.Held => "held",
            OrderOutcomeKind.RefusedByErp => "refused_by_erp",
            _ => "broke_off",
        }));

    public static void StagedOrders(int count)
    {
        if (count > 0)
        {
            Staged.Add(count);
        }
    }
}
