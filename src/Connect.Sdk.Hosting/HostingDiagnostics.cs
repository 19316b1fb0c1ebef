using System.Diagnostics;

namespace Connect.Sdk.Hosting;

/// <summary>
/// The name under which the hosted scheduler emits traces and metrics, for OpenTelemetry's <c>AddSource</c> and
/// <c>AddMeter</c>. The runs themselves also appear under the core's name (<c>Connect.Sdk</c>).
/// </summary>
public static class HostingDiagnostics
{
    /// <summary>The name of the package's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string SourceName = "Connect.Sdk.Hosting";

    internal static readonly string? Version = typeof(HostingDiagnostics).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(SourceName, Version);
}
