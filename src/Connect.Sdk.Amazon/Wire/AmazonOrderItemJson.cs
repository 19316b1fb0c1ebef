namespace Connect.Sdk.Amazon.Wire;

/// <summary>
/// An order item of getOrderItems. <c>ItemPrice</c> and <c>ItemTax</c> are the LINE's totals (unit price times
/// <c>QuantityOrdered</c>) before its promotion, not unit prices; shipping, the promotion, the shipping discount and
/// the tax of each are separate amounts that the mapper nets. Gift wrap (<c>BuyerInfo.GiftWrapPrice</c>, excluded from
/// <c>ItemPrice</c>) and the cash-on-delivery fee (<c>CODFee</c> less <c>CODFeeDiscount</c>) become the order's fees.
/// </summary>
internal sealed record AmazonOrderItemJson(
    string OrderItemId,
    int QuantityOrdered,
    string? ASIN = null,
    string? SellerSKU = null,
    string? Title = null,
    int? QuantityShipped = null,
    AmazonMoneyJson? ItemPrice = null,
    AmazonMoneyJson? ItemTax = null,
    AmazonMoneyJson? ShippingPrice = null,
    AmazonMoneyJson? ShippingTax = null,
    AmazonMoneyJson? PromotionDiscount = null,
    AmazonMoneyJson? PromotionDiscountTax = null,
    AmazonMoneyJson? ShippingDiscount = null,
    AmazonMoneyJson? ShippingDiscountTax = null,
    AmazonItemBuyerInfoJson? BuyerInfo = null,
    AmazonMoneyJson? CODFee = null,
    AmazonMoneyJson? CODFeeDiscount = null);
