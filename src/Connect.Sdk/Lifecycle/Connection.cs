using System.Collections.ObjectModel;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Settings;
using NodaTime;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// The lifecycle state of one connection: its settings, its connection check, which features it uses
/// in which mode, whether it is productive, and its import mode. Immutable; every change goes through
/// <see cref="ConnectionStateMachine"/> (or <see cref="ConnectionLifecycle"/>, which stores it).
/// </summary>
/// <remarks>
/// Store implementations rebuild instances with the <c>init</c> accessors; only the state machine
/// guarantees the lifecycle rules, so hosts should not invent states of their own.
/// </remarks>
public sealed record Connection
{
    // A plain dictionary behind a read-only view, not a frozen one: a plan reads every connection, and freezing maps of a
    // few entries made listing 10,000 connections from SQLite take 140 ms instead of 90.
    private readonly ReadOnlyDictionary<FeatureKind, FeatureMode> _featureModes = ReadOnlyDictionary<FeatureKind, FeatureMode>.Empty;

    /// <summary>The connection's id.</summary>
    public required ConnectionId Id { get; init; }

    /// <summary>The connector type of the connection.</summary>
    public required ConnectorId ConnectorId { get; init; }

    /// <summary>The name users see, e.g. "Shopify DE".</summary>
    public required string Name { get; init; }

    /// <summary>The plain settings and which secrets are set; the secret values live in the <see cref="ISecretStore"/>.</summary>
    public ConnectionSettings Settings { get; init; } = ConnectionSettings.Empty;

    /// <summary>The last connection check.</summary>
    public ConnectionCheck Check { get; init; } = ConnectionCheck.NotChecked;

    /// <summary>
    /// Counts the changes to settings that invalidate the connection check (credentials, endpoints). A check
    /// result is recorded only while this still equals the revision the check ran against.
    /// </summary>
    public long CredentialsRevision { get; init; }

    /// <summary>Whether the connection is productive ("Produktivmodus"): background work runs for features in integration mode.</summary>
    public bool IsProductive { get; init; }

    /// <summary>The mode of each feature that is not <see cref="FeatureMode.Off"/>; a feature not listed is off.</summary>
    public IReadOnlyDictionary<FeatureKind, FeatureMode> FeatureModes
    {
        get => _featureModes;

        // Off entries are dropped so that "not listed" and "Off" are one state, not two.
        init => _featureModes = (value ?? throw new ArgumentNullException(nameof(value)))
            .Where(m => m.Value != FeatureMode.Off)
            .ToDictionary()
            .AsReadOnly();
    }

    /// <summary>The import mode; <see cref="ImportMode.Demo"/> for a new connection.</summary>
    public ImportMode ImportMode { get; init; } = ImportMode.Demo;

    /// <summary>
    /// The store's version, for optimistic concurrency: a save succeeds only while the stored version still
    /// equals this one. Zero for a connection not yet stored.
    /// </summary>
    public long Version { get; init; }

    /// <summary>When the connection was created.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>The features in integration mode, in <see cref="FeatureKind"/> order.</summary>
    public IEnumerable<FeatureKind> FeaturesInIntegration =>
        _featureModes.Where(m => m.Value == FeatureMode.Integration).Select(m => m.Key).Order();

    /// <summary>The mode of a feature.</summary>
    /// <param name="feature">The feature.</param>
    /// <returns>Its mode; <see cref="FeatureMode.Off"/> when the connection does not use it.</returns>
    public FeatureMode ModeOf(FeatureKind feature) => _featureModes.GetValueOrDefault(feature, FeatureMode.Off);

    /// <summary>Returns a copy with one feature's mode changed.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="mode">Its new mode.</param>
    /// <returns>The changed state.</returns>
    internal Connection WithFeatureMode(FeatureKind feature, FeatureMode mode) => this with
    {
        FeatureModes = _featureModes.Where(m => m.Key != feature).Append(new(feature, mode)).ToDictionary(),
    };

    /// <summary>
    /// Whether two states are equal field by field, comparing settings and feature modes by content, so
    /// that a state read back from a store equals the state saved.
    /// </summary>
    /// <param name="other">The other state.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public bool Equals(Connection? other) =>
        other is not null
        && Id == other.Id
        && ConnectorId == other.ConnectorId
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && SameSettings(Settings, other.Settings)
        && Check == other.Check
        && CredentialsRevision == other.CredentialsRevision
        && IsProductive == other.IsProductive
        && _featureModes.Count == other._featureModes.Count
        && _featureModes.All(m => other._featureModes.TryGetValue(m.Key, out var mode) && mode == m.Value)
        && ImportMode == other.ImportMode
        && Version == other.Version
        && CreatedAt == other.CreatedAt;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version, IsProductive, ImportMode, Check);

    /// <summary>Describes the state without any secret value.</summary>
    /// <returns>E.g. <c>shopify-de (shopify) productive, check Passed, Stock=Integration, import Automatic, v7</c>.</returns>
    public override string ToString() =>
        $"{Id} ({ConnectorId}) {(IsProductive ? "productive" : "not productive")}, check {Check.Status}, " +
        $"{(_featureModes.Count == 0 ? "no features" : string.Join(", ", _featureModes.OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value}")))}, " +
        $"import {ImportMode}, v{Version}";

    private static bool SameSettings(ConnectionSettings a, ConnectionSettings b) =>
        ReferenceEquals(a, b)
        || (a.Values.Count == b.Values.Count
            && a.Values.All(v => string.Equals(b.Get(v.Key), v.Value, StringComparison.Ordinal))
            && a.SecretsSet.SetEquals(b.SecretsSet));
}
