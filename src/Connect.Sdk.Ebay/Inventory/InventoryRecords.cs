using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Ebay.Inventory;

/// <summary>How a feature that writes through <c>bulkUpdatePriceQuantity</c> (stock, prices) reads and judges its records.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class InventoryRecords<T>
{
    /// <summary>What the records carry, for messages: <c>stock</c>, <c>prices</c>.</summary>
    public required string What { get; init; }

    /// <summary>Whether a SKU without a published offer cannot take the record (a price needs an offer; a quantity goes to the item too).</summary>
    public required bool NeedsOffer { get; init; }

    /// <summary>The record's article number.</summary>
    public required Func<T, string> ArticleOf { get; init; }

    /// <summary>The record's foreign number.</summary>
    public required Func<T, ForeignNumber> ForeignNumberOf { get; init; }

    /// <summary>The record's refusal before anything is read or sent, or <see langword="null"/>.</summary>
    public required Func<T, EbaySettings, RecordResult?> Refusal { get; init; }

    /// <summary>The SKU's request for the record, given its published offers.</summary>
    public required Func<T, string, IReadOnlyList<string>, PriceQuantityJson> RequestOf { get; init; }

    /// <summary>The record's result from its SKU's outcome.</summary>
    public required Func<T, string, SkuOutcome, RecordResult> ResultOf { get; init; }
}
