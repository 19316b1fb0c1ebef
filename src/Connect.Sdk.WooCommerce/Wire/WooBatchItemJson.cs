namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>One item of a batch answer: the saved product (with its quantity) or the id with an error.</summary>
/// <param name="Id">The product or variation id.</param>
/// <param name="StockQuantity">The quantity saved, when the item succeeded.</param>
/// <param name="Error">Why the item was refused; <see langword="null"/> when it was saved.</param>
internal sealed record WooBatchItemJson(long Id, int? StockQuantity = null, WooErrorJson? Error = null);
