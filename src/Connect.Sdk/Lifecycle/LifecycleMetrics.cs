using System.Diagnostics.Metrics;
using Connect.Sdk.Connectors;
using Connect.Sdk.Diagnostics;

namespace Connect.Sdk.Lifecycle;

/// <summary>The lifecycle's instruments on <see cref="ConnectSdkDiagnostics.Meter"/>.</summary>
internal static class LifecycleMetrics
{
    /// <summary>The name of the transitions counter.</summary>
    public const string TransitionsName = "connect_sdk.lifecycle.transitions";

    /// <summary>The name of the refusals counter.</summary>
    public const string RefusalsName = "connect_sdk.lifecycle.refusals";

    private static readonly Counter<long> Transitions = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        TransitionsName, unit: "{transition}", description: "Lifecycle transitions recorded, by change and connector.");

    private static readonly Counter<long> Refusals = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        RefusalsName, unit: "{refusal}", description: "Lifecycle changes refused, by reason code.");

    public static void Recorded(LifecycleTransition transition, ConnectorId connector) =>
        Transitions.Add(1, new("connect_sdk.change", transition.Change.ToString()), new("connect_sdk.connector", connector.Value));

    public static void Refused(RefusalReason reason) =>
        Refusals.Add(1, new KeyValuePair<string, object?>("connect_sdk.refusal_code", reason.Code.ToString()));
}
