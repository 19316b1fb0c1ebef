namespace Connect.Sdk.Stock;

/// <summary>
/// A connection's stock rules, as data: how much of an article's available stock (on hand minus reserved by
/// open orders) is published on the marketplace. Applied in this order: the safety buffer is taken off, then
/// the percentage is applied (rounded down to whole units), then the cap. The result is never negative.
/// </summary>
/// <remarks>
/// <see cref="Default"/> publishes everything available. Check values from users with <see cref="Validate"/>;
/// <c>StockSync.SetRulesAsync</c> refuses rules that have problems.
/// </remarks>
public sealed record StockRules
{
    /// <summary>The rules of a connection nobody configured: no buffer, 100 %, no cap.</summary>
    public static StockRules Default { get; } = new();

    /// <summary>Units kept back from every article so that the last pieces are not oversold; zero or more.</summary>
    public decimal SafetyBuffer { get; init; }

    /// <summary>The share of the available stock (after the buffer) to publish, 0 to 100; rounded down to whole units.</summary>
    public int PublishPercentage { get; init; } = 100;

    /// <summary>The most units published for any article, e.g. to avoid signalling a large stock to competitors; <see langword="null"/> for no cap.</summary>
    public int? Cap { get; init; }

    /// <summary>Checks the values.</summary>
    /// <returns>One sentence per problem; empty when the rules can be used.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SafetyBuffer < 0)
        {
            problems.Add($"The safety buffer is {SafetyBuffer} but must be zero or more.");
        }

        if (PublishPercentage is < 0 or > 100)
        {
            problems.Add($"The percentage to publish is {PublishPercentage} but must be between 0 and 100.");
        }

        if (Cap < 0)
        {
            problems.Add($"The cap is {Cap} but must be zero or more (or none).");
        }

        return problems;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"buffer {SafetyBuffer}, {PublishPercentage} %, {(Cap is { } cap ? $"cap {cap}" : "no cap")}";
}
