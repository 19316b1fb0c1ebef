namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <summary>
/// The <c>order_delivery.state</c> state machine as Shopware's installer creates it: which transition leads from which
/// state to which.
/// </summary>
internal static class ShopwareDeliveryStates
{
    private static readonly (string From, string Transition, string To)[] Transitions =
    [
        ("open", "ship", "shipped"),
        ("open", "ship_partially", "shipped_partially"),
        ("open", "cancel", "cancelled"),
        ("shipped_partially", "ship", "shipped"),
        ("shipped_partially", "retour", "returned"),
        ("shipped_partially", "retour_partially", "returned_partially"),
        ("shipped_partially", "cancel", "cancelled"),
        ("shipped", "retour", "returned"),
        ("shipped", "retour_partially", "returned_partially"),
        ("shipped", "cancel", "cancelled"),
        ("returned_partially", "retour", "returned"),
        ("returned_partially", "cancel", "cancelled"),
        ("cancelled", "reopen", "open"),
        ("returned", "reopen", "open"),
    ];

    /// <summary>The state a transition leads to from a state, or <see langword="null"/> when it is not possible there.</summary>
    public static string? Target(string from, string transition) =>
        Array.Find(Transitions, t => t.From == from && t.Transition == transition).To;

    /// <summary>The transitions possible from a state, as the illegal-transition error lists them.</summary>
    public static IReadOnlyList<string> From(string state) => [.. Transitions.Where(t => t.From == state).Select(t => t.Transition)];
}
