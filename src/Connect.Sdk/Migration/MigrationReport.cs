using System.Globalization;
using System.Text;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Migration;

/// <summary>
/// What a migration of a classic connection does (dry run) or did (apply): the changes to the connection, the
/// foreign numbers created, updated and left as they were, every conflicting row with its line and field, how
/// each classic label maps to the connector's rules, and what is not migrated. Holds no secret value.
/// </summary>
public sealed class MigrationReport
{
    internal MigrationReport(
        ConnectionId target,
        ConnectorId connector,
        bool isDryRun,
        IReadOnlyList<string> refusals,
        IReadOnlyList<string> connectionChanges,
        int rowsRead,
        int foreignNumbersCreated,
        int foreignNumbersUpdated,
        int foreignNumbersUnchanged,
        int foreignNumbersNotWritten,
        IReadOnlyList<ForeignNumberIssue> conflicts,
        IReadOnlyList<ClassicLabelMapping> labelMappings,
        IReadOnlyList<string> notMigrated)
    {
        Target = target;
        Connector = connector;
        IsDryRun = isDryRun;
        Refusals = refusals;
        ConnectionChanges = connectionChanges;
        RowsRead = rowsRead;
        ForeignNumbersCreated = foreignNumbersCreated;
        ForeignNumbersUpdated = foreignNumbersUpdated;
        ForeignNumbersUnchanged = foreignNumbersUnchanged;
        ForeignNumbersNotWritten = foreignNumbersNotWritten;
        Conflicts = conflicts.OrderBy(c => c.LineNumber ?? 0).ToArray();
        LabelMappings = labelMappings;
        NotMigrated = notMigrated;
    }

    /// <summary>The connector connection migrated to.</summary>
    public ConnectionId Target { get; }

    /// <summary>The target connection's connector.</summary>
    public ConnectorId Connector { get; }

    /// <summary>Whether this is a dry run's report: nothing was written.</summary>
    public bool IsDryRun { get; }

    /// <summary>Why the migration cannot run at all (e.g. an unknown setting key, a productive target); when any is listed, nothing is written.</summary>
    public IReadOnlyList<string> Refusals { get; }

    /// <summary>The changes to the connection: its creation in the test phase, settings and secrets set (by key), the import mode and feature modes.</summary>
    public IReadOnlyList<string> ConnectionChanges { get; }

    /// <summary>The foreign-number rows read, not counting the header and blank lines.</summary>
    public int RowsRead { get; }

    /// <summary>The foreign numbers created: (article, label) pairs the connection did not have.</summary>
    public int ForeignNumbersCreated { get; }

    /// <summary>The foreign numbers updated: (article, label) pairs that had another value.</summary>
    public int ForeignNumbersUpdated { get; }

    /// <summary>The clean rows the connection already has with the same value.</summary>
    public int ForeignNumbersUnchanged { get; }

    /// <summary>
    /// The foreign numbers to create or update that the apply did not write: another writer took a foreign number
    /// between the check and the atomic store write, so the store wrote none of them; run the migration again.
    /// </summary>
    public int ForeignNumbersNotWritten { get; }

    /// <summary>Every row left out, ordered by line, each naming its line, article, field and reason.</summary>
    public IReadOnlyList<ForeignNumberIssue> Conflicts { get; }

    /// <summary>How each classic label of the export maps to the connector's foreign-number rules.</summary>
    public IReadOnlyList<ClassicLabelMapping> LabelMappings { get; }

    /// <summary>What the classic connection had that the migration does not carry over, in words.</summary>
    public IReadOnlyList<string> NotMigrated { get; }

    /// <summary>Whether the migration changes (or changed) nothing: no refusal, no connection change, no foreign number to write or left unwritten.</summary>
    public bool IsNothingToDo => Refusals.Count == 0 && ConnectionChanges.Count == 0 && ForeignNumbersCreated == 0 && ForeignNumbersUpdated == 0 && ForeignNumbersNotWritten == 0;

    /// <summary>The whole report as text for a user: every change, conflict, label mapping and what is not migrated.</summary>
    /// <returns>Several lines.</returns>
    public string Describe()
    {
        var text = new StringBuilder().AppendLine(ToString());
        Section(text, "refused", Refusals);
        Section(text, "connection", ConnectionChanges);
        Section(text, "labels", LabelMappings.Select(m => m.ToString()));
        Section(text, "conflicts", Conflicts.Select(c => c.Field is null ? c.ToString() : $"{c} [{c.Field}]"));
        Section(text, "not migrated", NotMigrated);
        return text.ToString();
    }

    /// <summary>The report in one line.</summary>
    /// <returns>E.g. "dry run of shopify-de: 9,990 foreign number(s) to create, 0 to update, 0 unchanged, 10 conflict(s), 3 connection change(s)".</returns>
    public override string ToString()
    {
        var what = IsDryRun ? $"dry run of {Target}" : $"migration of {Target}";
        if (Refusals.Count > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what}: refused, {Refusals.Count} reason(s); nothing written");
        }

        if (IsNothingToDo)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what}: nothing to do; {ForeignNumbersUnchanged:N0} foreign number(s) unchanged, {Conflicts.Count} conflict(s)");
        }

        var (create, update) = IsDryRun ? ("to create", "to update") : ("created", "updated");
        var notWritten = ForeignNumbersNotWritten > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {ForeignNumbersNotWritten:N0} not written (another writer changed the foreign numbers meanwhile; run it again)")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: {ForeignNumbersCreated:N0} foreign number(s) {create}, {ForeignNumbersUpdated:N0} {update}, {ForeignNumbersUnchanged:N0} unchanged{notWritten}, {Conflicts.Count} conflict(s), {ConnectionChanges.Count} connection change(s)");
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToArray();
        if (list.Length == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
        foreach (var line in list)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        }
    }
}
