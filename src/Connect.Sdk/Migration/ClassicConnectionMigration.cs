using Connect.Sdk.Connectors;
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
    private readonly ConnectionLifecycle _lifecycle;
    private readonly ForeignNumberImporter _importer;
    private readonly MigrationPlanner _planner;

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
        _importer = importer;
        _planner = new MigrationPlanner(connections, connectors, secrets, foreignNumbers, importer, rules, clock);
    }

    /// <summary>Reports what <see cref="ApplyAsync"/> would do now, and writes nothing.</summary>
    /// <param name="export">The classic connection's export.</param>
    /// <param name="cancellationToken">Cancels the dry run.</param>
    /// <returns>The report.</returns>
    public async Task<MigrationReport> DryRunAsync(ClassicExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var plan = await _planner.PlanAsync(export, cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="ConnectSdkException">With <see cref="ConnectSdkErrorCode.Conflict"/>: the lifecycle refused a change that the plan had found allowed, e.g. because another user changed the connection meanwhile; run it again.</exception>
    public async Task<MigrationReport> ApplyAsync(ClassicExport export, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var plan = await _planner.PlanAsync(export, cancellationToken).ConfigureAwait(false);
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
        var stored = plan.ForeignNumbers.Valid;
        if (plan.RowsToWrite.Count > 0)
        {
            var written = await _importer.ImportAsync(export.Target, export.Connector, plan.RowsToWrite, cancellationToken).ConfigureAwait(false);
            if (written.Imported == 0)
            {
                // Another writer took a foreign number meanwhile and the store wrote nothing; the report says which,
                // and only the rows the store already had are listed in the journal.
                conflicts.AddRange(written.Issues);
                var unwritten = plan.RowsToWrite.ToHashSet();
                stored = stored.Where(v => !unwritten.Contains(v.Row)).ToArray();
                plan = plan with { Created = 0, Updated = 0, NotWritten = plan.Created + plan.Updated, RowsToWrite = [] };
            }
        }

        // Also lists the articles of a run that stopped after its store write, so a re-run ends where one run would.
        await _importer.ListInJournalAsync(stored.Select(v => v.Mapping).ToArray(), cancellationToken).ConfigureAwait(false);
        return plan.ToReport(export, isDryRun: false, conflicts);
    }

    private static void Require(LifecycleResult result)
    {
        if (!result.Succeeded)
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.Conflict, $"The migration stopped: {string.Join(" ", result.Reasons.Select(r => r.Message))} Run it again.");
        }
    }
}
