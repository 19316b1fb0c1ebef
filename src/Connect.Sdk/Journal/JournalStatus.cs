namespace Connect.Sdk.Journal;

/// <summary>The sync status of a journal entry (the colour in the seed's journal).</summary>
public enum JournalStatus
{
    /// <summary>Never synced (grey): the first state of every entry.</summary>
    NotSynced,

    /// <summary>Waiting to run.</summary>
    Queued,

    /// <summary>Running now.</summary>
    Running,

    /// <summary>Synced.</summary>
    Succeeded,

    /// <summary>Synced, with something the user should look at.</summary>
    Warning,

    /// <summary>Not synced; the message says why, and the entry can be retried after a correction.</summary>
    Failed,
}
