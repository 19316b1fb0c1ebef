using Connect.Sdk.Journal;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Sync;

/// <summary>
/// Journals what is not one record's: a run that broke off as a whole fails the connection's entry for that kind of
/// work (<see cref="RecordKind.Connection"/>), and the next run that completes marks it succeeded again. The same
/// failure run after run is counted in <see cref="JournalEntry.Attempts"/> without a new status change, so that it is
/// one incident and one alert, not one every 15 minutes.
/// </summary>
internal sealed class RunJournal(SyncJournal journal)
{
    /// <summary>The entry of a kind of work on a connection.</summary>
    public static JournalKey KeyOf(ConnectionId connection, WorkKind kind) => new(connection, RecordKind.Connection, kind.ToString());

    /// <summary>Fails the work's entry with the run's reason, or counts one more failed run of the same reason.</summary>
    public ValueTask RecordFailedAsync(WorkItem item, string reason, CancellationToken cancellationToken) =>
        FailAsync(item, $"{Describe(item.Kind)} broke off and is tried again at its next run: {reason}", cancellationToken);

    /// <summary>
    /// Fails the work's entry saying that the connection's automatic work is paused, why, and which settings to correct
    /// (by the names the user sees) before the check that resumes it.
    /// </summary>
    public ValueTask RecordPausedAsync(WorkItem item, string reason, IEnumerable<SettingField> credentials, CancellationToken cancellationToken)
    {
        var fields = string.Join(", ", credentials.Select(f => $"'{f.DisplayName}'"));
        var fix = fields.Length == 0 ? "the connection's credentials" : fields;
        return FailAsync(
            item,
            $"{CredentialsPausedPrefix} ({Describe(item.Kind).ToLowerInvariant()}: {reason}). "
            + $"The connection's automatic runs wait: correct {fix} in its settings, then run the connection check, or resume the connection.",
            cancellationToken);
    }

    /// <summary>Fails the work's entry saying that the feature's automatic work is paused because every record failed alike.</summary>
    public ValueTask RecordPausedAsync(WorkItem item, UniformFailureException failure, CancellationToken cancellationToken) =>
        FailAsync(
            item,
            $"{PausedPrefix}the marketplace refused all {failure.Records} records {Describe(item.Kind).ToLowerInvariant()} sent first with the same reason ({failure.Reason}). "
            + $"Its automatic runs wait: correct the cause on the marketplace or in the connection's settings, then run the connection check, or resume the connection.",
            cancellationToken);

    private async ValueTask FailAsync(WorkItem item, string message, CancellationToken cancellationToken)
    {
        await journal.UpdateAsync(
            KeyOf(item.Connection, item.Kind),
            (entry, now) => entry.Status == JournalStatus.Failed && string.Equals(entry.Message, message, StringComparison.Ordinal)
                ? entry with { Attempts = entry.Attempts + 1 }
                : entry.WithStatus(JournalStatus.Failed, message, now) with { Attempts = entry.Status == JournalStatus.Failed ? entry.Attempts + 1 : 1 },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the work's entry succeeded when it had failed; a connection whose runs never failed gets no entry.</summary>
    public async ValueTask RecordCompletedAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var key = KeyOf(item.Connection, item.Kind);
        if (await journal.GetAsync(key, cancellationToken).ConfigureAwait(false) is not { Status: JournalStatus.Failed })
        {
            return;
        }

        await journal.UpdateAsync(
            key,
            (entry, now) => entry.Status == JournalStatus.Failed
                ? entry.WithStatus(JournalStatus.Succeeded, $"{Describe(item.Kind)} ran again after {entry.Attempts} failed run(s).", now)
                : entry,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the paused entry of another kind of work succeeded once a completed run proved its cause fixed — any run for
    /// refused credentials, a run of the same feature for records refused alike — so that the connection's tab does not
    /// say "Paused" until, say, the next daily reconcile.
    /// </summary>
    public ValueTask RecordResumedAsync(ConnectionId connection, WorkKind kind, WorkKind ranAgain, CancellationToken cancellationToken) =>
        ResumeEntryAsync(
            connection,
            kind,
            message => message.StartsWith(CredentialsPausedPrefix, StringComparison.Ordinal)
                       || (message.StartsWith(PausedPrefix, StringComparison.Ordinal) && kind.Feature() == ranAgain.Feature()),
            $"Resumed: {Describe(ranAgain).ToLowerInvariant()} ran again.",
            cancellationToken);

    /// <summary>Marks a paused entry succeeded because the user resumed the connection's work.</summary>
    public ValueTask RecordResumedByUserAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken) =>
        ResumeEntryAsync(
            connection,
            kind,
            message => message.StartsWith(PausedPrefix, StringComparison.Ordinal),
            "Resumed: the connection's work was resumed; its next run shows whether the cause is fixed.",
            cancellationToken);

    private async ValueTask ResumeEntryAsync(ConnectionId connection, WorkKind kind, Func<string, bool> wasPaused, string message, CancellationToken cancellationToken)
    {
        var key = KeyOf(connection, kind);
        if (await journal.GetAsync(key, cancellationToken).ConfigureAwait(false) is not { Status: JournalStatus.Failed, Message: { } failed } || !wasPaused(failed))
        {
            return;
        }

        await journal.UpdateAsync(
            key,
            (current, now) => current.Status == JournalStatus.Failed ? current.WithStatus(JournalStatus.Succeeded, message, now) : current,
            cancellationToken).ConfigureAwait(false);
    }

    private const string PausedPrefix = "Paused: ";

    private const string CredentialsPausedPrefix = PausedPrefix + "the marketplace refused the connection's credentials";

    private static string Describe(WorkKind kind) => kind switch
    {
        WorkKind.OrderImport => "The order import",
        WorkKind.StockSync => "The stock sync",
        WorkKind.StockReconcile => "The stock reconcile",
        WorkKind.OrderStatusExport => "The order status export",
        WorkKind.PriceSync => "The price sync",
        WorkKind.PriceReconcile => "The price reconcile",
        _ => kind.ToString(),
    };
}
