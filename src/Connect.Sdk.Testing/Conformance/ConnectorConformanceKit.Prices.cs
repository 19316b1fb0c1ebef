using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Hosting;

namespace Connect.Sdk.Testing.Conformance;

/// <summary>The kit's price checks: run only when the connector declares <see cref="FeatureKind.Prices"/>, against a fake that is an <see cref="IPriceFake"/>.</summary>
public abstract partial class ConnectorConformanceKit
{
    // The kit's ERP prices: net at 19 % VAT, published gross (the rules' default) in the fake's currency.
    private const decimal VatRate = 19m;

    // The article each seeded price belongs to, to find its journal entry.
    private readonly Dictionary<ForeignNumber, string> _priceArticles = [];

    // The articles whose price the connector sent with a Warning, e.g. without the compare-at price its marketplace lacks.
    private readonly HashSet<string> _warnedArticles = new(StringComparer.Ordinal);

    /// <summary>
    /// Prices of mapped simple articles and of variants reach the fake, each with its compare-at price, and a later
    /// change of the ERP's price follows after <see cref="PriceSync.NotifyPricesChangedAsync"/>.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task PricePush_MappedArticlesAndVariants_ReachTheFakeWithCompareAt()
    {
        if (!Declares(FeatureKind.Prices))
        {
            return;
        }

        var (fake, connection, expected) = await FirstSyncAsync(withVariants: true).ConfigureAwait(false);

        SetPrice(fake, 1, 30.00m, compareAt: null);
        expected[Foreign(1)] = Quote(fake, 1, 30.00m, null);
        await Host.PriceSync.NotifyPricesChangedAsync([ArticleNumber(1)], CancellationToken.None).ConfigureAwait(false);
        await RunDueAsync("the price sync after a change").ConfigureAwait(false);
        await AssertSyncedAsync(connection, fake, expected, $"after the ERP's price of {ArticleNumber(1)} changed to 30.00 net without a compare-at price").ConfigureAwait(false);
    }

    /// <summary>An ERP price in another currency than the connection's is refused in the journal, and the fake keeps the price it had.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task PricePush_ErpPriceInAnotherCurrency_RefusedAndTheFakeKeepsItsPrice()
    {
        if (!Declares(FeatureKind.Prices))
        {
            return;
        }

        var (fake, connection, expected) = await FirstSyncAsync(withVariants: false).ConfigureAwait(false);

        var other = OtherCurrency(fake);
        Host.Prices.Set(new ErpPrice(ArticleNumber(1), new Money(99.00m, other), PriceBasis.Net, VatRate));
        await Host.PriceSync.NotifyPricesChangedAsync([ArticleNumber(1)], CancellationToken.None).ConfigureAwait(false);
        await RunDueAsync($"the price sync after the ERP's price of {ArticleNumber(1)} changed to {other}").ConfigureAwait(false);

        var entry = await Host.Journal.GetAsync(new JournalKey(connection, RecordKind.ArticlePrice, ArticleNumber(1)), CancellationToken.None).ConfigureAwait(false);
        if (entry is not { Status: JournalStatus.Failed } || entry.Message?.Contains("prices are never converted", StringComparison.Ordinal) != true)
        {
            Fail($"The ERP's price of {ArticleNumber(1)} in {other} was not refused in the journal: {Describe(entry)}.");
        }

        await AssertPricesAsync(connection, fake, expected, $"after an ERP price in {other} was refused (the fake must keep the price it had)").ConfigureAwait(false);
    }

    /// <summary>After 429 and 5xx answers, the SDK's retries and later runs bring every price right.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task PricePush_TooManyRequestsAndServerErrors_EveryPriceRight()
    {
        if (!Declares(FeatureKind.Prices))
        {
            return;
        }

        var fake = PriceFake;
        var connection = await ProductiveAsync(FeatureKind.Prices).ConfigureAwait(false);
        var expected = await SeedPricesAsync(connection, fake, withVariants: true).ConfigureAwait(false);
        Fake.Faults.Next(FaultKind.TooManyRequests).Next(FaultKind.ServiceUnavailable).Next(FaultKind.ServerError);

        await RunForAsync(RecoveryTime, "the price syncs under faults").ConfigureAwait(false);

        AssertFaultsInjected(3);
        await AssertSyncedAsync(connection, fake, expected, $"after 429, 503 and 500 answers and {RecoveryTime} of scheduled price syncs").ConfigureAwait(false);
    }

    /// <summary>
    /// Rules in another currency than the fake's marketplace sells in, with the ERP's prices in the rules' currency (so
    /// the SDK passes them on): the connector refuses every record ("prices are never converted"), and the fake keeps
    /// the prices it had.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task PricePush_RulesInAnotherCurrencyThanTheMarketplace_EveryRecordRefused()
    {
        if (!Declares(FeatureKind.Prices))
        {
            return;
        }

        var (fake, connection, expected) = await FirstSyncAsync(withVariants: false).ConfigureAwait(false);

        var other = OtherCurrency(fake);
        await Host.PriceSync.SetRulesAsync(connection, KitRules(fake) with { Currency = other }, CancellationToken.None).ConfigureAwait(false);
        for (var i = 1; i <= expected.Count; i++)
        {
            SetPrice(fake, i, 50.00m + i, compareAt: null, other);
        }

        await RefusedEverywhereAsync(
            connection,
            fake,
            expected,
            $"the connection's rules and the ERP's prices changed to {other}",
            $"the rules sell in {other}, but the fake's marketplace sells in {fake.Currency}").ConfigureAwait(false);
    }

    /// <summary>
    /// Run only when the fake models the basis its marketplace takes prices on (<see cref="IPriceFake.Basis"/>): rules
    /// on the other basis make the connector refuse every record ("prices are never converted"), and the fake keeps the
    /// prices it had.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task PricePush_RulesOnTheOtherBasis_EveryRecordRefused()
    {
        // Declares first: a connector without prices needs no price fake.
        if (!Declares(FeatureKind.Prices) || PriceFake.Basis is not { } basis)
        {
            return;
        }

        var (fake, connection, expected) = await FirstSyncAsync(withVariants: false).ConfigureAwait(false);

        var other = basis == PriceBasis.Gross ? PriceBasis.Net : PriceBasis.Gross;
        await Host.PriceSync.SetRulesAsync(connection, KitRules(fake) with { Basis = other }, CancellationToken.None).ConfigureAwait(false);
        await RefusedEverywhereAsync(
            connection,
            fake,
            expected,
            $"the connection's rules changed to {Describe(other)} prices",
            $"the rules publish {Describe(other)} prices, but the fake's marketplace takes them {Describe(basis)}").ConfigureAwait(false);
    }

    /// <summary>
    /// Demo import mode sends no price (the journal says what would have been sent), and in the test phase a manual run
    /// sends only the prices of the restricted article mapping.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task PricePush_DemoAndTestPhase_SendOnlyWhatTheyAllow()
    {
        if (!Declares(FeatureKind.Prices))
        {
            return;
        }

        var fake = PriceFake;
        var demo = await ProductiveAsync(FeatureKind.Prices).ConfigureAwait(false);
        await Ok(Host.Lifecycle.SetImportModeAsync(demo, ImportMode.Demo, ConnectTestHost.User, CancellationToken.None), "import mode Demo").ConfigureAwait(false);
        var before = await SeedPricesAsync(demo, fake, withVariants: false).ConfigureAwait(false);
        var held = before.Keys.ToDictionary(f => f, fake.PriceOf);
        await RunDueAsync("the price sync in Demo import mode").ConfigureAwait(false);
        var written = held.Where(h => fake.PriceOf(h.Key) != h.Value).Select(h => h.Key.Value).ToArray();
        if (written.Length > 0)
        {
            Fail($"In Demo import mode the price of {string.Join(", ", written)} changed on the fake; Demo must send nothing.");
        }

        var testPhase = await TestPhaseAsync(FeatureKind.Prices).ConfigureAwait(false);
        var foreign = new[] { new ForeignNumber(ForeignNumberLabel, ForeignNumberValue(11)), new ForeignNumber(ForeignNumberLabel, ForeignNumberValue(12)) };
        for (var i = 0; i < foreign.Length; i++)
        {
            fake.SeedArticle(foreign[i], 3);
            var number = ArticleNumber(11 + i);
            await Host.AddArticleAsync(testPhase, new Article(number, "Article " + number, ArticleKind.Simple), foreign[i]).ConfigureAwait(false);
            Host.Prices.Set(new ErpPrice(number, new Money(10.00m + i, fake.Currency), PriceBasis.Net, VatRate));
        }

        var untouched = fake.PriceOf(foreign[1]);
        await Host.Get<IForeignNumberStore>().SetRestrictedMappingAsync(testPhase, new RestrictedArticleMapping(ArticleNumber(11)), CancellationToken.None).ConfigureAwait(false);
        await Host.PriceSync.SyncArticlesAsync(testPhase, JournalSelection.Of(ArticleNumber(11), ArticleNumber(12)), CancellationToken.None).ConfigureAwait(false);
        await RunDueAsync("the manual price sync in the test phase").ConfigureAwait(false);

        var restricted = Quote(fake, 11, 10.00m, null);
        if (fake.PriceOf(foreign[0]) is not { } sent || sent.Price != restricted.Price)
        {
            Fail($"In the test phase the price of {foreign[0].Value}, which is in the restricted mapping, is {Describe(fake.PriceOf(foreign[0]))} on the fake, expected {Describe(restricted)}.");
        }

        if (fake.PriceOf(foreign[1]) != untouched)
        {
            Fail($"In the test phase the price of {foreign[1].Value}, which is not in the restricted mapping, changed on the fake to {Describe(fake.PriceOf(foreign[1]))}.");
        }
    }

    /// <summary>The fake as a price fake; a connector that declares prices needs a fake that models them.</summary>
    private IPriceFake PriceFake => Fake as IPriceFake
        ?? throw new ConformanceException(
            $"The connector declares the price feature, but its fake ({Fake.GetType().Name}) does not implement IPriceFake, so the kit cannot read prices back. Implement IPriceFake (Currency, PriceOf) on the fake.");

    // Two simple articles and, with variants, a matrix product with two variants; each mapped, each with a net price
    // and a compare-at price above it. The matrix parent has no price: its variants carry them.
    private async Task<Dictionary<ForeignNumber, FakePrice>> SeedPricesAsync(ConnectionId connection, IPriceFake fake, bool withVariants)
    {
        await Host.PriceSync.SetRulesAsync(connection, KitRules(fake), CancellationToken.None).ConfigureAwait(false);
        var expected = new Dictionary<ForeignNumber, FakePrice>();
        var count = withVariants ? 4 : 2;
        if (withVariants)
        {
            Host.Articles.Add(new Article("ART-M", "Matrix product", ArticleKind.MatrixParent) { StockSyncEnabled = true });
        }

        for (var i = 1; i <= count; i++)
        {
            var isVariant = i > 2;
            var foreign = isVariant ? new ForeignNumber(VariantForeignNumberLabel, ForeignNumberValue(i)) : Foreign(i);
            fake.SeedArticle(foreign, 3);
            var article = isVariant
                ? new Article(ArticleNumber(i), "Variant " + i, ArticleKind.Variant, "ART-M")
                : new Article(ArticleNumber(i), "Article " + i, ArticleKind.Simple);
            await Host.AddArticleAsync(connection, article, foreign).ConfigureAwait(false);
            var net = 10.00m + i;
            SetPrice(fake, i, net, net + 5.00m);
            expected[foreign] = Quote(fake, i, net, net + 5.00m);
            _priceArticles[foreign] = article.Number;
        }

        return expected;
    }

    // The rules every price check syncs on first: what the fake's marketplace takes, so that a correct connector sends it all.
    private static PriceRules KitRules(IPriceFake fake) =>
        PriceRules.Default with { Currency = fake.Currency, Basis = fake.Basis ?? PriceRules.Default.Basis };

    private static CurrencyCode OtherCurrency(IPriceFake fake) => fake.Currency == CurrencyCode.Usd ? CurrencyCode.Eur : CurrencyCode.Usd;

    // The start of each check that is not about faults: a productive connection, prices seeded, synced, and proven sent.
    private async Task<(IPriceFake Fake, ConnectionId Connection, Dictionary<ForeignNumber, FakePrice> Expected)> FirstSyncAsync(bool withVariants)
    {
        var fake = PriceFake;
        var connection = await ProductiveAsync(FeatureKind.Prices).ConfigureAwait(false);
        var expected = await SeedPricesAsync(connection, fake, withVariants).ConfigureAwait(false);
        await RunDueAsync("the first price sync").ConfigureAwait(false);
        await AssertSyncedAsync(connection, fake, expected, "after the first price sync").ConfigureAwait(false);
        return (fake, connection, expected);
    }

    private void SetPrice(IPriceFake fake, int index, decimal net, decimal? compareAt, CurrencyCode? currency = null)
    {
        var inCurrency = currency ?? fake.Currency;
        Host.Prices.Set(new ErpPrice(ArticleNumber(index), new Money(net, inCurrency), PriceBasis.Net, VatRate)
        {
            CompareAtAmount = compareAt is { } c ? new Money(c, inCurrency) : null,
        });
    }

    private static FakePrice Quote(IPriceFake fake, int index, decimal net, decimal? compareAt)
    {
        var quote = PriceCalculation.Quote(
            new ErpPrice(ArticleNumber(index), new Money(net, fake.Currency), PriceBasis.Net, VatRate) { CompareAtAmount = compareAt is { } c ? new Money(c, fake.Currency) : null },
            KitRules(fake),
            new ConnectionId("conformance"));
        return new FakePrice(quote.Price, quote.CompareAtPrice);
    }

    // After a sync that should have sent everything: the fake holds each price, the journal says it was sent, and a delta
    // run with nothing changed hands the connector no price again (the SDK resends what the marketplace did not accept,
    // whatever the fake holds).
    private async Task AssertSyncedAsync(ConnectionId connection, IPriceFake fake, IReadOnlyDictionary<ForeignNumber, FakePrice> expected, string when)
    {
        await AssertPricesAsync(connection, fake, expected, when).ConfigureAwait(false);
        var entries = await PriceEntriesAsync(connection).ConfigureAwait(false);
        var unsettled = new List<string>();
        foreach (var (foreign, price) in expected)
        {
            var entry = entries.GetValueOrDefault(_priceArticles[foreign]);
            var settled = entry?.Status == JournalStatus.Succeeded
                || (entry?.Status == JournalStatus.Warning && price.CompareAtPrice is not null && WarnedCompareAtAway(foreign, fake.PriceOf(foreign)!));
            if (!settled)
            {
                unsettled.Add($"{_priceArticles[foreign]} ({foreign.Value}): {Describe(entry)}");
            }
        }

        if (unsettled.Count > 0)
        {
            Fail($"The fake holds the prices {when}, but the journal does not say they were sent: {string.Join("; ", unsettled)}. A price the marketplace took is Succeeded, or a Warning only when the marketplace has no place for its compare-at price.");
        }

        var before = _observed!.PricesPushed.Count;
        await Host.PriceSync.NotifyPricesChangedAsync(expected.Keys.Select(f => _priceArticles[f]).ToArray(), CancellationToken.None).ConfigureAwait(false);
        await RunDueAsync($"the delta price sync {when}").ConfigureAwait(false);
        var again = _observed.PricesPushed.Skip(before).Distinct(StringComparer.Ordinal).ToArray();
        if (again.Length > 0)
        {
            Fail($"A delta run {when}, with no ERP price changed, sent the price of {string.Join(", ", again)} again: the SDK resends only what the marketplace did not accept, so the connector's answer for these records did not say the price was taken.");
        }
    }

    // The prices changed in a way the connector must refuse for every record: each entry Failed with "prices are never
    // converted", and the fake keeps what it held.
    private async Task RefusedEverywhereAsync(ConnectionId connection, IPriceFake fake, IReadOnlyDictionary<ForeignNumber, FakePrice> held, string change, string why)
    {
        await Host.PriceSync.NotifyPricesChangedAsync(held.Keys.Select(f => _priceArticles[f]).ToArray(), CancellationToken.None).ConfigureAwait(false);
        await RunDueAsync($"the price sync after {change}").ConfigureAwait(false);
        var entries = await PriceEntriesAsync(connection).ConfigureAwait(false);
        var accepted = held.Keys
            .Select(f => (Foreign: f, Entry: entries.GetValueOrDefault(_priceArticles[f])))
            .Where(r => r.Entry is not { Status: JournalStatus.Failed } || r.Entry.Message?.Contains("prices are never converted", StringComparison.Ordinal) != true)
            .Select(r => $"{_priceArticles[r.Foreign]} ({r.Foreign.Value}): {Describe(r.Entry)}")
            .ToArray();
        if (accepted.Length > 0)
        {
            Fail($"After {change}, {why}: the connector must refuse every price (Failed, \"… prices are never converted\"), but {string.Join("; ", accepted)}.");
        }

        await AssertPricesAsync(connection, fake, held, $"after {change} (the fake must keep the prices it had)").ConfigureAwait(false);
    }

    private async Task<Dictionary<string, JournalEntry>> PriceEntriesAsync(ConnectionId connection) =>
        (await Host.JournalEntriesAsync(connection, RecordKind.ArticlePrice).ConfigureAwait(false)).ToDictionary(e => e.Key.RecordKey, StringComparer.Ordinal);

    private static string Describe(JournalEntry? entry) => entry is null ? "no entry" : $"{entry.Status}, \"{entry.Message}\"";

    private static string Describe(PriceBasis basis) => basis == PriceBasis.Gross ? "gross (VAT included)" : "net (VAT excluded)";

    private async Task AssertPricesAsync(ConnectionId connection, IPriceFake fake, IReadOnlyDictionary<ForeignNumber, FakePrice> expected, string when)
    {
        var entries = await Host.JournalEntriesAsync(connection, RecordKind.ArticlePrice).ConfigureAwait(false);
        // Remembered for the whole check: a record refused later (another currency) leaves the price its warned send put there.
        _warnedArticles.UnionWith(entries.Where(e => e.Status == JournalStatus.Warning).Select(e => e.Key.RecordKey));
        var wrong = new List<string>();
        foreach (var (foreign, price) in expected)
        {
            // Compared as money (23.9 and 23.90 are one price), compare-at included.
            if (fake.PriceOf(foreign) is not { } held || held.Price != price.Price
                || (held.CompareAtPrice != price.CompareAtPrice && !WarnedCompareAtAway(foreign, held)))
            {
                wrong.Add($"the price of {foreign.Value} on the fake is {Describe(fake.PriceOf(foreign))}, expected {Describe(price)}");
            }
        }

        if (wrong.Count > 0)
        {
            var journal = string.Join("; ", entries.Where(e => e.Status != JournalStatus.Succeeded).Take(3).Select(e => $"{e.Key.RecordKey}: {e.Status}, \"{e.Message}\""));
            Fail($"Wrong prices on the fake {when}: {string.Join("; ", wrong)}.{(journal.Length > 0 ? $" Journal: {journal}." : string.Empty)}");
        }
    }

    // A marketplace without a struck-through price a seller sets (Amazon) publishes the price alone; that is right only when
    // the connector said so on the record (Warning), never when the compare-at price vanished silently.
    private bool WarnedCompareAtAway(ForeignNumber foreign, FakePrice held) =>
        held.CompareAtPrice is null && _priceArticles.TryGetValue(foreign, out var article) && _warnedArticles.Contains(article);

    private static string Describe(FakePrice? price) => price is null
        ? "(none)"
        : price.CompareAtPrice is { } compareAt
            ? string.Create(CultureInfo.InvariantCulture, $"{price.Price} (compare-at {compareAt})")
            : string.Create(CultureInfo.InvariantCulture, $"{price.Price} (no compare-at)");

    private async Task<ConnectionId> TestPhaseAsync(params FeatureKind[] features)
    {
        try
        {
            return await Host.CreateTestPhaseConnectionAsync(Connector.Descriptor.Id, ConnectionSettings(Fake.BaseAddress), "conformance-test-phase", features).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            Fail($"The test-phase connection could not be made with ConnectionSettings(): {ex.Message}");
            throw;
        }
    }
}
