namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>The answer to a batch: one entry per item sent, the saved product or an <c>error</c>.</summary>
/// <param name="Update">The results of the updates.</param>
internal sealed record WooStockBatchResultJson(IReadOnlyList<WooBatchItemJson>? Update = null);
