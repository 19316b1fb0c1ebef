namespace Connect.Sdk.Sync;

/// <summary>One piece of a manual action's input that could not be queued.</summary>
/// <param name="Input">What the user gave, e.g. an order number token or an article number.</param>
/// <param name="Reason">Why it was not queued.</param>
public sealed record QueueRejection(string Input, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"'{Input}': {Reason}";
}
