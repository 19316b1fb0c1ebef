using Connect.Sdk.Orders;

namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// The kit's rules for a fake marketplace, stated in docs/testing.md, and the messages that name them when a check
/// finds one broken.
/// </summary>
internal static class ConformanceRules
{
    /// <summary>The rule about line ids, as the messages state it.</summary>
    public const string LineIds =
        "Kit rule: the line ids of the orders the kit seeds are digits (such as 100101), and the fake keeps each seeded line id";

    /// <summary>Guards the kit's own orders: every line id it seeds is digits only, as the rule promises a fake.</summary>
    /// <param name="order">An order the kit is about to seed.</param>
    /// <returns>The order.</returns>
    /// <exception cref="InvalidOperationException">A line id is not digits: the kit broke its own rule.</exception>
    public static MarketplaceOrder WithDigitLineIds(MarketplaceOrder order)
    {
        var broken = order.Lines.FirstOrDefault(l => l.LineId.Length == 0 || !l.LineId.All(char.IsAsciiDigit));
        return broken is null
            ? order
            : throw new InvalidOperationException($"{LineIds}, but order {order.OrderNumber} has line id '{broken.LineId}'.");
    }

    /// <summary>What is wrong when the ERP received other line ids than the kit seeded; <see langword="null"/> when none is.</summary>
    /// <param name="seeded">The order as the kit seeded it on the fake.</param>
    /// <param name="received">The order as it reached the ERP.</param>
    /// <returns>The failure message, or <see langword="null"/>.</returns>
    public static string? LineIdsNotKept(MarketplaceOrder seeded, MarketplaceOrder received)
    {
        var expected = seeded.Lines.Select(l => l.LineId).Order(StringComparer.Ordinal).ToArray();
        var actual = received.Lines.Select(l => l.LineId).Order(StringComparer.Ordinal).ToArray();
        return expected.SequenceEqual(actual, StringComparer.Ordinal)
            ? null
            : $"{LineIds}. Order {seeded.OrderNumber} was seeded with line ids [{string.Join(", ", expected)}], but reached the ERP with [{string.Join(", ", actual)}]: " +
              "the fake (or the connector) renumbered its lines, so shipments the kit sends for the seeded lines cannot match. Keep the seeded ids in the fake.";
    }
}
