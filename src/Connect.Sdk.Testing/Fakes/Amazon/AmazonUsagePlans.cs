namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>
/// The default usage plans of the operations the <see cref="AmazonSellingPartnerFake"/> serves, as the
/// operation descriptions of Amazon's published API models (selling-partner-api-models, <c>ordersV0.json</c>
/// and <c>listingsItems_2021-08-01.json</c>) state them. The operation names are the models' operation ids,
/// which are also the fake's operation names for the request log and the fault plan.
/// </summary>
public static class AmazonUsagePlans
{
    /// <summary><c>getOrders</c>: 0.0167 requests per second (one a minute), burst 20.</summary>
    public static AmazonUsagePlan GetOrders { get; } = new(0.0167, 20);

    /// <summary><c>getOrder</c>: 0.5 requests per second, burst 30.</summary>
    public static AmazonUsagePlan GetOrder { get; } = new(0.5, 30);

    /// <summary><c>getOrderItems</c>: 0.5 requests per second, burst 30.</summary>
    public static AmazonUsagePlan GetOrderItems { get; } = new(0.5, 30);

    /// <summary><c>confirmShipment</c>: 2 requests per second, burst 10.</summary>
    public static AmazonUsagePlan ConfirmShipment { get; } = new(2, 10);

    /// <summary><c>getListingsItem</c>: 5 requests per second, burst 10.</summary>
    public static AmazonUsagePlan GetListingsItem { get; } = new(5, 10);

    /// <summary><c>patchListingsItem</c>: 5 requests per second, burst 5.</summary>
    public static AmazonUsagePlan PatchListingsItem { get; } = new(5, 5);

    /// <summary>The plan of every operation the fake serves, by operation id.</summary>
    public static IReadOnlyDictionary<string, AmazonUsagePlan> ByOperation { get; } = new Dictionary<string, AmazonUsagePlan>(StringComparer.Ordinal)
    {
        [AmazonOperations.GetOrders] = GetOrders,
        [AmazonOperations.GetOrder] = GetOrder,
        [AmazonOperations.GetOrderItems] = GetOrderItems,
        [AmazonOperations.ConfirmShipment] = ConfirmShipment,
        [AmazonOperations.GetListingsItem] = GetListingsItem,
        [AmazonOperations.PatchListingsItem] = PatchListingsItem,
    };
}
