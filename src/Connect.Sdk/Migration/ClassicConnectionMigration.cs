using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using NodaTime;

namespace Connect.Sdk.Migration;

/// <summary>
/// Migrates a classic connection ("Daten migrieren") to a connector connection: <see cref="DryRunAsync"/> reports
/// what would be created or updated and every conflicting row; <see cref="ApplyAsync"/> writes exactly the clean
/// rows and the settings. Running it again changes nothing. The connection stays in (or starts in) the test phase:
/// the migration never switches productive mode on.
/// </summary>
/// <remarks>
/// Each step reads the stores first and writes only what differs, and the foreign numbers go in one atomic store
/// write, so an apply that stops half-way (a crash, a failing store) is finished by running it again.
/// </remarks>
public sealed class ClassicConnectionMigration
{
    private const int ArticlesNamed = 5;

    private readonly ConnectionLifecycle _lifecycle;
    private readonly IConnectionStore _connections;
    private readonly ConnectorRegistry _connectors;
    private readonly ISecretStore _secrets;
    private readonly IForeignNumberStore _foreignNumbers;
    private readonly ForeignNumberImporter _importer;
    private readonly ForeignNumberRules _rules;
    private readonly IClock _clock;

    /// <summary>Creates the migration over the SDK's services; <c>AddConnectSdk</c> registers it.</summary>
    /// <param name="lifecycle">Creates the connection and changes its settings and modes.</param>
    /// <param name="connections">Where connections are kept.</param>
    /// <param name="connectors">The registered connectors.</param>
    /// <param name="secrets">Where credentials are kept, to compare them before writing.</param>
    /// <param name="foreignNumbers">Where foreign numbers are kept.</param>
    /// <param name="importer">Checks and writes the foreign numbers, as the CSV import does.</param>
    /// <param name="rules">The foreign-number rules the importer uses, for the label mapping of the report.</param>
    /// <param name="clock">The clock, for the dry run's trial of the lifecycle changes.</param>
    public ClassicConnectionMigration(
        ConnectionLifecycle lifecycle,
        IConnectionStore connections,
        ConnectorRegistry connectors,
        ISecretStore secrets,
        IForeignNumberStore foreignNumbers,
        ForeignNumberImporter importer,
        ForeignNumberRules rules,
        IClock clock)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(foreignNumbers);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        _lifecycle = lifecycle;
        _connections = connections;
        _connectors = connectors;
        _secrets = secrets;
        _foreignNumbers = foreignNumbers;
        _importer = importer;
        _rules = rules;
        _clock = clock;
    }

    /// <summary>Reports what <see cref="ApplyAsync"/> would do now, and writes nothing.</summary>
    /// <param name="export">The classic connection's export.</param>
    /// <param name="cancellationToken">Cancels the dry run.</param>
    /// <returns>The report.</returns>
    public async Task<MigrationReport> DryRunAsync(ClassicExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var plan = await PlanAsync(export, cancellationToken).ConfigureAwait(false);
        return plan.ToReport(export, isDryRun: true, plan.ForeignNumbers.Issues);
    }

    /// <summary>
    /// Creates or updates the connection and writes the clean foreign-number rows in one atomic write; conflicting
    /// rows are left out and reported. Nothing is written when the report has refusals.
    /// </summary>
    /// <param name="export">The classic connection's export.</param>
    /// <param name="actor">Who migrates, for the connection's history.</param>
    /// <param name="cancellationToken">Cancels the migration; what was written stays, and running it again finishes it.</param>
    /// <returns>The report; <see cref="MigrationReport.IsNothingToDo"/> when the connection was migrated already.</returns>
    /// <exception cref="ConnectSdkException">The lifecycle refused a change that the plan had found allowed, e.g. because another user changed the connection meanwhile; run it again.</exception>
    public async Task<MigrationReport> ApplyAsync(ClassicExport export, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var plan = await PlanAsync(export, cancellationToken).ConfigureAwait(false);
        if (plan.Refusals.Count > 0)
        {
            return plan.ToReport(export, isDryRun: false, plan.ForeignNumbers.Issues);
        }

        if (plan.Existing is null)
        {
            Require(await _lifecycle.CreateAsync(export.Target, export.Connector, export.Name, actor, cancellationToken).ConfigureAwait(false));
        }

        if (!plan.Settings.IsEmpty)
        {
            Require(await _lifecycle.UpdateSettingsAsync(export.Target, plan.Settings, actor, cancellationToken).ConfigureAwait(false));
        }

        Require(await _lifecycle.SetImportModeAsync(export.Target, plan.ImportMode, actor, cancellationToken).ConfigureAwait(false));
        foreach (var (feature, mode) in plan.FeatureModes)
        {
            Require(await _lifecycle.SetFeatureModeAsync(export.Target, feature, mode, actor, cancellationToken).ConfigureAwait(false));
        }

        var conflicts = plan.ForeignNumbers.Issues.ToList();
        if (plan.RowsToWrite.Count > 0)
        {
            var written = await _importer.ImportAsync(export.Target, export.Connector, plan.RowsToWrite, cancellationToken).ConfigureAwait(false);
            if (written.Imported == 0)
            {
                // Another writer took a foreign number meanwhile and the store wrote nothing; the report says which.
                conflicts.AddRange(written.Issues);
                plan = plan with { Created = 0, Updated = 0, RowsToWrite = [] };
            }
        }

        // Also lists the articles of a run that stopped after its store write, so a re-run ends where one run would.
        await _importer.ListInJournalAsync(plan.ForeignNumbers.Valid.Select(v => v.Mapping).ToArray(), cancellationToken).ConfigureAwait(false);
        return plan.ToReport(export, isDryRun: false, conflicts);
    }

    private async Task<MigrationPlan> PlanAsync(ClassicExport export, CancellationToken cancellationToken)
    {
        var refusals = new List<string>();
        var changes = new List<string>();
        var notMigrated = new List<string>();
        var settings = export.Settings;
        var update = SettingsUpdate.Empty;
        var featureModes = new List<(FeatureKind, FeatureMode)>();

        var connector = _connectors.Find(export.Connector);
        var existing = await _connections.GetAsync(export.Target, cancellationToken).ConfigureAwait(false);
        if (connector is null)
        {
            refusals.Add($"connector '{export.Connector}' is not registered; add its package (e.g. AddShopify()) before migrating");
        }

        if (existing is not null && existing.ConnectorId != export.Connector)
        {
            refusals.Add($"connection {export.Target} exists with connector '{existing.ConnectorId}', not '{export.Connector}'; migrate to another connection id");
        }

        if (existing is { IsProductive: true })
        {
            refusals.Add($"connection {export.Target} is productive; switch productive mode off before migrating into it, so that no live sync runs on half-migrated data");
        }

        if (connector is not null && refusals.Count == 0)
        {
            var at = _clock.GetCurrentInstant();
            var state = existing ?? ConnectionStateMachine.Create(export.Target, connector.Descriptor, export.Name, at, Actor.System).Connection!;
            if (existing is null)
            {
                changes.Add($"create connection {export.Target} '{export.Name}' ({connector.Descriptor.DisplayName}) in the test phase, productive mode off");
            }

            foreach (var (key, value) in settings.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (!string.Equals(state.Settings.Get(key), value, StringComparison.Ordinal))
                {
                    update = update.Set(key, value);
                    changes.Add($"set setting {key}");
                }
            }

            foreach (var (key, secret) in settings.Credentials.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var stored = existing is null ? null : await _secrets.GetAsync(export.Target, key, cancellationToken).ConfigureAwait(false);
                if (stored is null || !string.Equals(stored.Reveal(), secret.Reveal(), StringComparison.Ordinal))
                {
                    update = update.SetSecret(key, secret);
                    changes.Add($"set secret {key}");
                }
            }

            var trial = update.IsEmpty ? LifecycleResult.Unchanged(state) : ConnectionStateMachine.ChangeSettings(state, connector.Descriptor.Settings, update, at, Actor.System, connector.ValidateSettings);
            refusals.AddRange(trial.Reasons.Select(r => $"settings: {r.Message}"));
            state = trial.Connection ?? state;

            if (state.ImportMode != settings.ImportMode)
            {
                changes.Add($"import mode {state.ImportMode} → {settings.ImportMode}");
            }

            foreach (var (feature, wanted) in WantedFeatures(settings))
            {
                var mode = NextMode(state.ModeOf(feature), wanted);
                if (mode is not { } next)
                {
                    continue;
                }

                if (!connector.Descriptor.Supports(feature))
                {
                    notMigrated.Add($"{feature}: {connector.Descriptor.DisplayName} does not support it");
                    continue;
                }

                var step = ConnectionStateMachine.SetFeatureMode(state, connector.Descriptor, feature, next, at, Actor.System);
                refusals.AddRange(step.Reasons.Select(r => $"{feature}: {r.Message}"));
                state = step.Connection ?? state;
                featureModes.Add((feature, next));
                changes.Add($"{feature} {state.ModeOf(feature) switch { FeatureMode.Off => "off", _ => "in test mode" }}");
            }
        }

        var preview = await _importer.PreviewCsvAsync(export.Target, export.Connector, export.ForeignNumbersCsv, cancellationToken).ConfigureAwait(false);
        var (toWrite, created, updated) = await CompareWithStoreAsync(export.Target, preview, cancellationToken).ConfigureAwait(false);

        if (settings.ArticlesWithoutStockSync.Count > 0)
        {
            var named = string.Join(", ", settings.ArticlesWithoutStockSync.Order(StringComparer.Ordinal).Take(ArticlesNamed));
            var more = settings.ArticlesWithoutStockSync.Count > ArticlesNamed ? ", …" : string.Empty;
            notMigrated.Add($"the stock-sync switch of {settings.ArticlesWithoutStockSync.Count} article(s) ({named}{more}): a connector syncs stock per connection, so remove their foreign numbers or keep the stock feature off to keep them out");
        }

        notMigrated.Add("productive mode: the connection is in the test phase; bring it live with integration mode per feature and then productive mode");
        notMigrated.Add("the connection check: run it after the migration, since the credentials changed");

        return new MigrationPlan(
            connector,
            existing,
            refusals,
            changes,
            update,
            settings.ImportMode,
            featureModes,
            preview,
            toWrite,
            created,
            updated,
            ClassicLabelMapper.Map(_rules, export.Connector, preview.Rows),
            notMigrated);
    }

    private async Task<(IReadOnlyList<ForeignNumberRow> ToWrite, int Created, int Updated)> CompareWithStoreAsync(
        ConnectionId connection,
        ForeignNumberPreview preview,
        CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string Article, ForeignNumberLabel Label), string>();
        await foreach (var mapping in _foreignNumbers.ListAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            stored[(mapping.ArticleNumber, mapping.ForeignNumber.Label)] = mapping.ForeignNumber.Value;
        }

        var toWrite = new List<ForeignNumberRow>();
        var created = 0;
        var updated = 0;
        foreach (var (row, mapping) in preview.Valid)
        {
            if (!stored.TryGetValue((mapping.ArticleNumber, mapping.ForeignNumber.Label), out var value))
            {
                created++;
            }
            else if (!string.Equals(value, mapping.ForeignNumber.Value, StringComparison.Ordinal))
            {
                updated++;
            }
            else
            {
                continue;
            }

            toWrite.Add(row);
        }

        return (toWrite, created, updated);
    }

    // Orders: a classic connection always imported them. The import mode decides when, and Demo still writes nothing.
    private static IEnumerable<(FeatureKind Feature, bool On)> WantedFeatures(ClassicSettings settings) =>
    [
        (FeatureKind.Orders, true),
        (FeatureKind.OrderStatus, settings.TrackingFeedback),
        (FeatureKind.Stock, settings.StockSync),
    ];

    // A feature goes on in test mode, or off; a feature already in integration mode stays as the user set it.
    private static FeatureMode? NextMode(FeatureMode current, bool wanted) => (current, wanted) switch
    {
        (FeatureMode.Off, true) => FeatureMode.Test,
        (not FeatureMode.Off, false) => FeatureMode.Off,
        _ => null,
    };

    private static void Require(LifecycleResult result)
    {
        if (!result.Succeeded)
        {
            throw new ConnectSdkException($"The migration stopped: {string.Join(" ", result.Reasons.Select(r => r.Message))} Run it again.");
        }
    }
}
