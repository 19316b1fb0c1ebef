namespace Connect.Sdk.Features;

/// <summary>The result for one record of a call to a marketplace.</summary>
/// <param name="RecordKey">The record: an ERP article number for stock and prices, an order number for orders and status.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Why, in words a user can act on; required unless the record succeeded.</param>
public sealed record RecordResult(string RecordKey, RecordOutcome Outcome, string? Message = null)
{
    /// <summary>A succeeded record.</summary>
    /// <param name="recordKey">The record.</param>
    /// <returns>The result.</returns>
    public static RecordResult Success(string recordKey) => new(recordKey, RecordOutcome.Succeeded);

    /// <summary>A failed record.</summary>
    /// <param name="recordKey">The record.</param>
    /// <param name="message">Why it failed.</param>
    /// <returns>The result.</returns>
    public static RecordResult Failure(string recordKey, string message) => new(recordKey, RecordOutcome.Failed, message);
}
