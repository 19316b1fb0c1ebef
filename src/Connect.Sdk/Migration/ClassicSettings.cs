using System.Collections.Frozen;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Migration;

/// <summary>
/// The settings of a classic connection as its export carries them: the import mode, the tracking feedback
/// ("Auftragsstatus rückmelden"), the stock sync (the process starter "Lagerzahlen" and each article's
/// "Lagerzahlen Sync" switch), and the settings and credentials under the target connector's setting keys.
/// </summary>
/// <remarks>
/// Whether the classic connection was live is deliberately not part of it: a migrated connection always starts
/// in the test phase. <see cref="ToString"/> names the credentials but never shows their values.
/// </remarks>
public sealed class ClassicSettings
{
    /// <summary>The classic import mode ("Importmodus"); <see cref="ImportMode.Demo"/> unless the export says otherwise.</summary>
    public ImportMode ImportMode { get; init; } = ImportMode.Demo;

    /// <summary>Whether the classic connection reported order status and tracking back ("Auftragsstatus rückmelden", on by default).</summary>
    public bool TrackingFeedback { get; init; } = true;

    /// <summary>Whether the classic connection synced stock (its process starter "Lagerzahlen" was active).</summary>
    public bool StockSync { get; init; }

    /// <summary>
    /// The articles whose "Lagerzahlen Sync" switch was off. A connector decides stock sync per connection, so
    /// these are reported as not migrated.
    /// </summary>
    public IReadOnlySet<string> ArticlesWithoutStockSync { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Plain settings under the target connector's setting keys, e.g. <c>shopUrl</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Credentials under the target connector's secret setting keys, e.g. <c>accessToken</c>; stored as secrets.</summary>
    public IReadOnlyDictionary<string, SecretValue> Credentials { get; init; } = FrozenDictionary<string, SecretValue>.Empty;

    /// <summary>Describes the settings; credentials appear by key only.</summary>
    /// <returns>E.g. <c>import Automatic, tracking feedback on, stock sync on (2 article(s) off), settings shopUrl, credentials accessToken=***</c>.</returns>
    public override string ToString() =>
        $"import {ImportMode}, tracking feedback {OnOff(TrackingFeedback)}, stock sync {OnOff(StockSync)} ({ArticlesWithoutStockSync.Count} article(s) off), " +
        $"settings {string.Join(", ", Settings.Keys.Order(StringComparer.Ordinal))}, " +
        $"credentials {string.Join(", ", Credentials.Keys.Order(StringComparer.Ordinal).Select(k => $"{k}={SecretValue.Redacted}"))}";

    private static string OnOff(bool on) => on ? "on" : "off";
}
