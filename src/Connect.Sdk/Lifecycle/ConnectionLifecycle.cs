using Connect.Sdk.Connectors;
using Connect.Sdk.Diagnostics;
using Connect.Sdk.Features;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// Takes connections through their lifecycle: create, check the connection, change settings, put
/// features into test or integration mode, switch productive mode, change the import mode — and decides
/// which sync work may run. Each change loads the connection, applies <see cref="ConnectionStateMachine"/>,
/// and saves the new state with its history atomically; refusals come back as values with their reasons.
/// </summary>
/// <remarks>
/// Saves use optimistic concurrency: when another writer (another worker process, another user) changed
/// the connection in between, the change is re-applied to the fresh state, up to
/// <see cref="MaxAttempts"/> times, so a refusal always reflects the state it was decided on.
/// </remarks>
public sealed class ConnectionLifecycle
{
    /// <summary>How often a change is tried against a connection that other writers keep changing.</summary>
    public const int MaxAttempts = 5;

    private const string CreateCommand = "create";
    private const string CheckCommand = "connection check";
    private const string SettingsCommand = "settings change";
    private const string FeatureModeCommand = "feature mode change";
    private const string ProductiveCommand = "productive mode change";
    private const string ImportModeCommand = "import mode change";

    private readonly IConnectionStore _store;
    private readonly ConnectorRegistry _connectors;
    private readonly ISecretStore _secrets;
    private readonly IClock _clock;
    private readonly ILogger<ConnectionLifecycle> _logger;
    private readonly ScheduledStockHold? _stockHold;

    /// <summary>Creates the lifecycle service.</summary>
    /// <param name="store">Where connections and their history are kept.</param>
    /// <param name="connectors">The registered connectors.</param>
    /// <param name="secrets">Where secret settings are kept.</param>
    /// <param name="clock">The clock that stamps transitions.</param>
    /// <param name="logger">The logger for transitions and refusals.</param>
    public ConnectionLifecycle(IConnectionStore store, ConnectorRegistry connectors, ISecretStore secrets, IClock clock, ILogger<ConnectionLifecycle> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _connectors = connectors;
        _secrets = secrets;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Creates the lifecycle service that also keeps the journal's reason for articles the schedule does not sync yet.</summary>
    internal ConnectionLifecycle(IConnectionStore store, ConnectorRegistry connectors, ISecretStore secrets, IClock clock, ILogger<ConnectionLifecycle> logger, ScheduledStockHold stockHold)
        : this(store, connectors, secrets, clock, logger)
    {
        _stockHold = stockHold;
    }

    /// <summary>
    /// Creates a connection: productive mode off, not checked, every feature off but tracking feedback (order status in Test mode), import mode Demo.
    /// </summary>
    /// <param name="id">The new connection's id.</param>
    /// <param name="connectorId">The connector it uses.</param>
    /// <param name="name">The name users see.</param>
    /// <param name="actor">Who creates it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored connection, or a refusal when the id exists or the connector is not registered.</returns>
    public async Task<LifecycleResult> CreateAsync(ConnectionId id, ConnectorId connectorId, string name, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var connector = _connectors.Find(connectorId);
        if (connector is null)
        {
            return Refuse(id, CreateCommand, actor, LifecycleResult.Refused(null, ConnectorNotRegistered(connectorId)));
        }

        var result = ConnectionStateMachine.Create(id, connector.Descriptor, name, _clock.GetCurrentInstant(), actor);
        var stored = await _store.TryCreateAsync(result.Connection!, result.Transitions, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            var existing = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return Refuse(id, CreateCommand, actor, LifecycleResult.Refused(existing, new RefusalReason(
                RefusalCode.ConnectionExists, $"A connection with the id '{id}' exists already; choose another id.")));
        }

        Record(result.Transitions, connectorId);
        return result.WithStored(stored);
    }

    /// <summary>
    /// Runs the connector's connection check ("Verbindung prüfen") and records the result. A connector
    /// that throws counts as a failed check; its exception message is not shown unless it is a
    /// <see cref="ConnectSdkException"/>, since it may quote credentials, and any stored secret of the
    /// connection is masked in the recorded message.
    /// </summary>
    /// <param name="id">The connection.</param>
    /// <param name="actor">Who runs the check.</param>
    /// <param name="cancellationToken">Cancels the check; a cancelled check records nothing.</param>
    /// <returns>The connection with the check recorded (<see cref="Connection.Check"/>), or a refusal.</returns>
    public async Task<LifecycleResult> RunConnectionCheckAsync(ConnectionId id, Actor actor, CancellationToken cancellationToken)
    {
        var current = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Refuse(id, CheckCommand, actor, LifecycleResult.Refused(null, NotFound(id)));
        }

        var connector = _connectors.Find(current.ConnectorId);
        if (connector is null)
        {
            return Refuse(id, CheckCommand, actor, LifecycleResult.Refused(current, ConnectorNotRegistered(current.ConnectorId)));
        }

        var result = await CheckAsync(connector, current, cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(
            id,
            CheckCommand,
            actor,
            (state, _, at) => ConnectionStateMachine.RecordCheck(state, result, current.CredentialsRevision, at, actor),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes settings: plain values go into the connection's settings, secrets into the
    /// <see cref="ISecretStore"/> (the connection only records that they are set).
    /// </summary>
    /// <param name="id">The connection.</param>
    /// <param name="update">The values and secrets to set or clear.</param>
    /// <param name="actor">Who changes them.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed connection, or the refusal (see <see cref="ConnectionStateMachine.ChangeSettings"/>).</returns>
    /// <remarks>
    /// Secrets are written after the new state is saved, so that a change refused against a concurrently
    /// changed state (say, one switched to productive meanwhile) never reaches the secret store. If the
    /// secret store then fails, the exception surfaces and the check stays reset to "not checked".
    /// </remarks>
    public async Task<LifecycleResult> UpdateSettingsAsync(ConnectionId id, SettingsUpdate update, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var result = await ChangeAsync(
            id,
            SettingsCommand,
            actor,
            (state, connector, at) => ConnectionStateMachine.ChangeSettings(state, connector.Descriptor.Settings, update, at, actor, connector.ValidateSettings),
            cancellationToken).ConfigureAwait(false);
        if (result.Succeeded && result.Transitions.Count > 0)
        {
            foreach (var (key, secret) in update.Secrets)
            {
                if (secret is null)
                {
                    await _secrets.RemoveAsync(id, key, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _secrets.SetAsync(id, key, secret, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return result;
    }

    /// <summary>Changes a feature's mode (off, test, integration).</summary>
    /// <param name="id">The connection.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="mode">Its new mode.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed connection, or the refusal (see <see cref="ConnectionStateMachine.SetFeatureMode"/>).</returns>
    public Task<LifecycleResult> SetFeatureModeAsync(ConnectionId id, FeatureKind feature, FeatureMode mode, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            FeatureModeCommand,
            actor,
            (state, connector, at) => ConnectionStateMachine.SetFeatureMode(state, connector.Descriptor, feature, mode, at, actor),
            cancellationToken);

    /// <summary>Switches productive mode on or off.</summary>
    /// <param name="id">The connection.</param>
    /// <param name="productive">Whether the connection should be productive.</param>
    /// <param name="actor">Who switches.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed connection, or the refusal with every reason (see <see cref="ConnectionStateMachine.SetProductiveMode"/>).</returns>
    public Task<LifecycleResult> SetProductiveModeAsync(ConnectionId id, bool productive, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            ProductiveCommand,
            actor,
            (state, _, at) => ConnectionStateMachine.SetProductiveMode(state, productive, at, actor),
            cancellationToken);

    /// <summary>Changes the import mode (Demo, Manual, Automatic); allowed at any time.</summary>
    /// <param name="id">The connection.</param>
    /// <param name="mode">The new import mode.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed connection.</returns>
    public Task<LifecycleResult> SetImportModeAsync(ConnectionId id, ImportMode mode, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            ImportModeCommand,
            actor,
            (state, _, at) => ConnectionStateMachine.SetImportMode(state, mode, at, actor),
            cancellationToken);

    /// <summary>Decides with <see cref="AllowedActions"/> whether work for a feature of a connection may run now.</summary>
    /// <param name="id">The connection.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="trigger">What started the work.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The decision, or <see langword="null"/> when no connection has that id.</returns>
    public async Task<ActionDecision?> DecideAsync(ConnectionId id, FeatureKind feature, SyncTrigger trigger, CancellationToken cancellationToken)
    {
        var connection = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return connection is null ? null : AllowedActions.Decide(connection, feature, trigger);
    }

    private static RefusalReason NotFound(ConnectionId id) =>
        new(RefusalCode.ConnectionNotFound, $"There is no connection with the id '{id}'.");

    private static RefusalReason ConnectorNotRegistered(ConnectorId id) =>
        new(RefusalCode.ConnectorNotRegistered, $"The connector '{id}' is not registered; add it with AddConnector.");

    private async Task<LifecycleResult> ChangeAsync(
        ConnectionId id,
        string command,
        Actor actor,
        Func<Connection, IConnector, Instant, LifecycleResult> apply,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return Refuse(id, command, actor, LifecycleResult.Refused(null, NotFound(id)));
            }

            var connector = _connectors.Find(current.ConnectorId);
            if (connector is null)
            {
                return Refuse(id, command, actor, LifecycleResult.Refused(current, ConnectorNotRegistered(current.ConnectorId)));
            }

            var result = apply(current, connector, _clock.GetCurrentInstant());
            if (!result.Succeeded)
            {
                return Refuse(id, command, actor, result);
            }

            if (result.Transitions.Count == 0)
            {
                return result;
            }

            var stored = await _store.TrySaveAsync(result.Connection, result.Transitions, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                Record(result.Transitions, current.ConnectorId);
                if (_stockHold is not null)
                {
                    await _stockHold.NoteChangeAsync(current, stored, cancellationToken).ConfigureAwait(false);
                }

                return result.WithStored(stored);
            }

            if (attempt == MaxAttempts)
            {
                return Refuse(id, command, actor, LifecycleResult.Refused(current, new RefusalReason(
                    RefusalCode.ConcurrentChange,
                    $"The connection was changed by someone else {MaxAttempts} times while this {command} was being saved; try again.")));
            }

            _logger.SaveConflict(id, command, attempt);
        }
    }

    private async Task<ConnectionCheckResult> CheckAsync(IConnector connector, Connection connection, CancellationToken cancellationToken)
    {
        using var activity = ConnectSdkDiagnostics.ActivitySource.StartActivity("connect_sdk.lifecycle.connection_check");
        activity?.SetTag("connect_sdk.connection_id", connection.Id.Value);
        activity?.SetTag("connect_sdk.connector", connection.ConnectorId.Value);

        if (UrlCredentials.FirstSettingHoldingThem(connection.Settings) is { } key)
        {
            // Stored before such values were refused; the connector is not called with them.
            return ConnectionCheckResult.Failure(UrlCredentials.Refusal(connector.Descriptor.Settings.FindField(key)?.DisplayName ?? key, key), key);
        }

        ConnectionCheckResult result;
        try
        {
            var context = new ConnectionContext(connection.Id, connection.ConnectorId, connection.Settings, _secrets);
            result = await connector.CheckConnectionAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Whatever a connector throws is a failed check the user can act on, not a crash of the host.
            _logger.CheckThrew(connection.Id, connection.ConnectorId, ex.GetType().Name);
            result = ConnectionCheckResult.Failure(ex is ConnectSdkException ? ex.Message : UnexpectedFailure(ex));
        }

        activity?.SetTag("connect_sdk.check_passed", result.Passed);
        return await MaskSecretsAsync(result, connection, cancellationToken).ConfigureAwait(false);
    }

    // The user reads this, so it says what kind of failure it was in words; the log line (event 1003) names the .NET type.
    private static string UnexpectedFailure(Exception ex)
    {
        var what = ex switch
        {
            HttpRequestException => "The call to the marketplace failed",
            TimeoutException => "The marketplace did not answer in time",
            _ => "The connector failed unexpectedly",
        };
        return $"{what}; its details are not shown because they may contain credentials; the host's log names the error (event 1003).";
    }

    // Connectors promise never to quote a secret; this masks the ones that break the promise anyway,
    // because the message ends up in the history, the logs and the UI.
    private async Task<ConnectionCheckResult> MaskSecretsAsync(ConnectionCheckResult result, Connection connection, CancellationToken cancellationToken)
    {
        var redactor = await SecretRedactor.ForConnectionAsync(_secrets, connection.Id, connection.Settings, cancellationToken).ConfigureAwait(false);
        var message = redactor.Redact(result.Message)!;
        if (string.Equals(message, result.Message, StringComparison.Ordinal))
        {
            return result;
        }

        return result.Passed ? ConnectionCheckResult.Success(message) : ConnectionCheckResult.Failure(message, result.FailedSetting);
    }

    private LifecycleResult Refuse(ConnectionId id, string command, Actor actor, LifecycleResult refusal)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.ChangeRefused(id, command, actor, string.Join(", ", refusal.Reasons.Select(r => r.Code)));
        }

        foreach (var reason in refusal.Reasons)
        {
            LifecycleMetrics.Refused(reason);
        }

        return refusal;
    }

    private void Record(IReadOnlyList<LifecycleTransition> transitions, ConnectorId connector)
    {
        foreach (var t in transitions)
        {
            _logger.TransitionRecorded(t.ConnectionId, t.Change, t.Feature, t.From, t.To, t.Actor, t.Detail);
            LifecycleMetrics.Recorded(t, connector);
        }
    }
}
