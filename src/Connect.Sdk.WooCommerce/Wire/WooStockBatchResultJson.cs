namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>The answer to a batch: one entry per item sent, the saved product or an <c>error</c>.</summary>
/// <param name="Update">The results of the updates.</param>
internal sealed record WooStockBatchResultJson(IReadOnlyList<WooBatchItemJson>? Update = null)
{
    /// <summary>The answered updates by product or variation id, an id's first answer counting.</summary>
    /// <returns>The answers; an id missing from them was not answered.</returns>
    public IReadOnlyDictionary<long, WooBatchItemJson> UpdatesById() =>
        // "update":[null] passes the serializer: a null element answers no item, so only the unanswered ones fail.
        (Update ?? []).Where(r => r is not null).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
}
