namespace Connect.Sdk.Sync;

/// <summary>
/// What a manual action from the journal did ("Bestand synchronisieren", "Aufträge importieren", retry):
/// the records it queued, the ones already waiting, the input it could not use, or why it was refused.
/// The queued records run when the host's scheduler next runs due work; "Neu laden" shows their progress.
/// </summary>
public sealed record QueueResult
{
    /// <summary>The records queued now.</summary>
    public IReadOnlyList<string> Queued { get; init; } = [];

    /// <summary>The records that were already queued or running, so were not queued twice.</summary>
    public IReadOnlyList<string> AlreadyQueued { get; init; } = [];

    /// <summary>Input that names no usable record, with the reason (e.g. "'10x2' is not an order number").</summary>
    public IReadOnlyList<QueueRejection> Rejected { get; init; } = [];

    /// <summary>Why nothing was queued, when the allowed-actions table refused the action; otherwise <see langword="null"/>.</summary>
    public string? Refusal { get; init; }

    /// <summary>Whether the action was refused as a whole.</summary>
    public bool IsRefused => Refusal is not null;

    /// <summary>A refused action.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static QueueResult Refused(string reason) => new() { Refusal = reason };

    /// <inheritdoc />
    public override string ToString() => IsRefused
        ? $"refused: {Refusal}"
        : $"{Queued.Count} queued, {AlreadyQueued.Count} already queued, {Rejected.Count} rejected";
}
