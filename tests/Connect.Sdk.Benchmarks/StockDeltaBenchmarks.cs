using BenchmarkDotNet.Attributes;
using Connect.Sdk.Stock;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The delta of a scheduled stock sync over a whole catalogue: a million articles' quantities to publish,
/// computed from their ERP stock levels with stock rules, compared with the quantities last sent; 1 % changed.
/// </summary>
[MemoryDiagnoser]
public class StockDeltaBenchmarks
{
    private const int Articles = 1_000_000;

    private static readonly StockRules Rules = new() { SafetyBuffer = 2, PublishPercentage = 90, Cap = 2_000 };

    private StockLevel[] _levels = [];
    private Dictionary<string, SentStock> _lastSent = [];

    [GlobalSetup]
    public void Setup()
    {
        var at = Instant.FromUtc(2026, 11, 23, 8, 0);
        _levels = new StockLevel[Articles];
        _lastSent = new Dictionary<string, SentStock>(Articles, StringComparer.Ordinal);
        for (var i = 0; i < Articles; i++)
        {
            var number = $"A{i:D7}";
            var level = new StockLevel(number, i % 1_000, i % 7);
            _levels[i] = level;

            // Every hundredth article had 20 more on hand at the last send, so 1 % of the catalogue changed.
            var sent = StockQuantityCalculation.Quantity(i % 100 == 0 ? level with { OnHand = level.OnHand + 20 } : level, Rules);
            _lastSent[number] = new SentStock(number, sent, at);
        }
    }

    [Benchmark]
    public int ChangedOfAMillion() => StockDelta.Changed(_levels, Rules, _lastSent).Count;

    [Benchmark]
    public int ExplainTenThousand()
    {
        // A run explains only what it sends: 1 % of a million.
        var length = 0;
        for (var i = 0; i < Articles; i += 100)
        {
            length += StockQuantityCalculation.Explain(_levels[i], Rules).Explanation.Length;
        }

        return length;
    }
}
