namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// The inventory states Shopify names in <c>InventoryLevel.quantities(names:)</c> (page "Apps in inventory management",
/// section "Inventory states"; developer changelog "New inventory states: Safety Stock, Damaged and Quality Control").
/// </summary>
internal static class InventoryStateNames
{
    public const string Available = "available";

    public const string Committed = "committed";

    public const string OnHand = "on_hand";

    /// <summary>Every state, in the order the fake lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Available, Committed, OnHand, "incoming", "reserved", "damaged", "safety_stock", "quality_control"];
}
