using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>
/// One incident: a journal entry that reached <see cref="JournalStatus.Warning"/> or <see cref="JournalStatus.Failed"/>
/// at one change of its status. The same record failing again later is a new incident (a later change).
/// </summary>
/// <param name="Record">The journal entry.</param>
/// <param name="ChangeNumber">Which change of the entry's history it is (1 for the first); identifies the incident with the record.</param>
/// <param name="At">When the status changed.</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">Why, as the journal says it; never a secret.</param>
/// <param name="Title">What users recognise the record by besides its key (article name, buyer), if known.</param>
public sealed record AlertIncident(JournalKey Record, int ChangeNumber, Instant At, AlertSeverity Severity, string? Message, string? Title)
{
    /// <summary>The incident's identity: the record and the number of the status change; stable across evaluations.</summary>
    public string Id => $"{Record.Connection}|{Record.Kind}|{Record.RecordKey}|{ChangeNumber}";
}
