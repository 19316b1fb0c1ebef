using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using NodaTime;

namespace Connect.Sdk.Migration;

/// <summary>
/// Works out what a migration would do against the stores as they are now, writing nothing: the refusals, the
/// connection's changes (tried on the state machine), and which foreign numbers are new, changed or already stored.
/// </summary>
internal sealed class MigrationPlanner(
    IConnectionStore connections,
    ConnectorRegistry connectors,
    ISecretStore secrets,
    IForeignNumberStore foreignNumbers,
    ForeignNumberImporter importer,
    ForeignNumberRules rules,
    IClock clock)
{
    private const int ArticlesNamed = 5;

    public async Task<MigrationPlan> PlanAsync(ClassicExport export, CancellationToken cancellationToken)
    {
        var refusals = new List<string>();
        var changes = new List<string>();
        var notMigrated = new List<string>();
        var settings = export.Settings;
        var update = SettingsUpdate.Empty;
        var featureModes = new List<(FeatureKind, FeatureMode)>();

        var connector = connectors.Find(export.Connector);
        var existing = await connections.GetAsync(export.Target, cancellationToken).ConfigureAwait(false);
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
            var at = clock.GetCurrentInstant();
            var state = existing ?? ConnectionStateMachine.Create(export.Target, connector.Descriptor, export.Name, at, Actor.System).Connection!;
            if (existing is null)
            {
                changes.Add($"create connection {export.Target} '{export.Name}' ({connector.Descriptor.DisplayName}) in the test phase, productive mode off");
            }

            update = await SettingsToChangeAsync(export, state, existing is not null, changes, cancellationToken).ConfigureAwait(false);
            var trial = update.IsEmpty ? LifecycleResult.Unchanged(state) : ConnectionStateMachine.ChangeSettings(state, connector.Descriptor.Settings, update, at, Actor.System, connector.ValidateSettings);
            refusals.AddRange(trial.Reasons.Select(r => $"settings: {r.Message}"));
            state = trial.Connection ?? state;

            if (state.ImportMode != settings.ImportMode)
            {
                changes.Add($"import mode {state.ImportMode} → {settings.ImportMode}");
            }

            foreach (var (feature, wanted) in WantedFeatures(settings))
            {
                var mode = NextMode(state.ModeOf(feature), wanted, createsConnection: existing is null);
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

        var preview = await importer.PreviewCsvAsync(export.Target, export.Connector, export.ForeignNumbersCsv, cancellationToken).ConfigureAwait(false);
        preview = RefuseWholeFileIssues(preview, refusals);
        var (toWrite, created, updated) = await CompareWithStoreAsync(export.Target, preview, cancellationToken).ConfigureAwait(false);

        if (settings.ArticlesWithoutStockSync.Count > 0)
        {
            var named = string.Join(", ", settings.ArticlesWithoutStockSync.Order(StringComparer.Ordinal).Take(ArticlesNamed));
            var more = settings.ArticlesWithoutStockSync.Count > ArticlesNamed ? ", …" : string.Empty;
            notMigrated.Add($"the stock-sync switch of {settings.ArticlesWithoutStockSync.Count} article(s) ({named}{more}): a connector syncs stock per connection, so remove their foreign numbers or keep the stock feature off to keep them out");
        }

        notMigrated.Add("productive mode: the connection is in the test phase; bring it live with integration mode per feature and then productive mode");
        if (!update.IsEmpty)
        {
            notMigrated.Add("the connection check: run it after the migration, since the settings changed");
        }

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
            ClassicLabelMapper.Map(rules, export.Connector, preview.Rows),
            notMigrated);
    }

    // A file that is not the foreign-number table, or a connector that takes no foreign numbers, is no row's
    // conflict: the whole migration stops, rather than creating a connection without its foreign numbers.
    private static ForeignNumberPreview RefuseWholeFileIssues(ForeignNumberPreview preview, List<string> refusals)
    {
        static bool IsWholeFile(ForeignNumberIssue issue) =>
            issue.Kind is ForeignNumberIssueKind.InvalidHeader or ForeignNumberIssueKind.UnknownConnector or ForeignNumberIssueKind.IdentityRule;

        var wholeFile = preview.Issues.Where(IsWholeFile).ToArray();
        if (wholeFile.Length == 0)
        {
            return preview;
        }

        refusals.AddRange(wholeFile.GroupBy(i => i.Reason, StringComparer.Ordinal).Select(g => g.Count() == 1
            ? $"foreign numbers: {g.Key}"
            : $"foreign numbers: {g.Key} ({g.Count()} rows)"));
        return preview with { Issues = preview.Issues.Where(i => !IsWholeFile(i)).ToArray() };
    }

    // Only what differs: a secret is compared with the stored one, since the connection only records that it is set.
    private async Task<SettingsUpdate> SettingsToChangeAsync(ClassicExport export, Connection state, bool stored, List<string> changes, CancellationToken cancellationToken)
    {
        var update = SettingsUpdate.Empty;
        foreach (var (key, value) in export.Settings.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!string.Equals(state.Settings.Get(key), value, StringComparison.Ordinal))
            {
                update = update.Set(key, value);
                changes.Add($"set setting {key}");
            }
        }

        foreach (var (key, secret) in export.Settings.Credentials.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var current = stored ? await secrets.GetAsync(export.Target, key, cancellationToken).ConfigureAwait(false) : null;
            if (current is null || !string.Equals(current.Reveal(), secret.Reveal(), StringComparison.Ordinal))
            {
                update = update.SetSecret(key, secret);
                changes.Add($"set secret {key}");
            }
        }

        return update;
    }

    private async Task<(IReadOnlyList<ForeignNumberRow> ToWrite, int Created, int Updated)> CompareWithStoreAsync(
        ConnectionId connection,
        ForeignNumberPreview preview,
        CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string Article, ForeignNumberLabel Label), string>();
        await foreach (var mapping in foreignNumbers.ListAsync(connection, cancellationToken).ConfigureAwait(false))
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

    // A wanted feature goes from off to test mode. A feature of an existing connection is never switched off or
    // back: the user may have set it since the last run. Only a new connection's defaults follow the classic switches.
    private static FeatureMode? NextMode(FeatureMode current, bool wanted, bool createsConnection) => (current, wanted) switch
    {
        (FeatureMode.Off, true) => FeatureMode.Test,
        (not FeatureMode.Off, false) when createsConnection => FeatureMode.Off,
        _ => null,
    };
}
