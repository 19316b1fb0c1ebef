using System.Diagnostics;

namespace Connect.Sdk.Http;

/// <summary>
/// The name under which marketplace clients emit traces and metrics, for OpenTelemetry's <c>AddSource</c> and
/// <c>AddMeter</c>: one activity per logical request (all its attempts), and counters of requests, throttling and
/// pacing waits tagged with the client and the marketplace operation.
/// </summary>
public static class HttpDiagnostics
{
    /// <summary>The name of the package's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string SourceName = "Connect.Sdk.Http";

    internal static readonly string? Version = typeof(HttpDiagnostics).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(SourceName, Version);
}
