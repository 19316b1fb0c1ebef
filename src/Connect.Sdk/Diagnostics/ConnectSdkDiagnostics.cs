using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Connect.Sdk.Diagnostics;

/// <summary>
/// The names under which the core package emits traces and metrics, for OpenTelemetry's
/// <c>AddSource</c> and <c>AddMeter</c>.
/// </summary>
public static class ConnectSdkDiagnostics
{
    /// <summary>The name of the core package's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string SourceName = "Connect.Sdk";

    internal static readonly ActivitySource ActivitySource = new(SourceName, typeof(ConnectSdkDiagnostics).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(SourceName, typeof(ConnectSdkDiagnostics).Assembly.GetName().Version?.ToString());
}
