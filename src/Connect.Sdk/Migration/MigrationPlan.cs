using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;

namespace Connect.Sdk.Migration;

/// <summary>What a migration would do against the stores as they are now; the dry run reports it, the apply carries it out.</summary>
internal sealed record MigrationPlan(
    IConnector? Connector,
    Connection? Existing,
    IReadOnlyList<string> Refusals,
    IReadOnlyList<string> ConnectionChanges,
    SettingsUpdate Settings,
    ImportMode ImportMode,
    IReadOnlyList<(FeatureKind Feature, FeatureMode Mode)> FeatureModes,
    ForeignNumberPreview ForeignNumbers,
    IReadOnlyList<ForeignNumberRow> RowsToWrite,
    int Created,
    int Updated,
    IReadOnlyList<ClassicLabelMapping> LabelMappings,
    IReadOnlyList<string> NotMigrated)
{
    /// <summary>The rows to create or update that the store refused to write, because another writer changed it meanwhile.</summary>
    public int NotWritten { get; init; }

    public MigrationReport ToReport(ClassicExport export, bool isDryRun, IReadOnlyList<ForeignNumberIssue> conflicts) => new(
        export.Target,
        export.Connector,
        isDryRun,
        Refusals,
        ConnectionChanges,
        ForeignNumbers.Rows.Count + ForeignNumbers.Issues.Count(i => i.Kind == ForeignNumberIssueKind.MalformedLine),
        Created,
        Updated,
        ForeignNumbers.Valid.Count - Created - Updated - NotWritten,
        NotWritten,
        conflicts,
        LabelMappings,
        NotMigrated);
}
