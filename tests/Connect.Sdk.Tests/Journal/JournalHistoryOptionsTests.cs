using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Journal;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Tests.Journal;

public sealed class JournalHistoryOptionsTests
{
    [Theory]
    [InlineData(9)]
    [InlineData(10_001)]
    public void Validate_JournalHistoryLinesOutOfRange_NamesTheOptionAndItsRange(int lines)
    {
        var services = new ServiceCollection();
        services.AddConnectSdk(o => o.JournalHistoryLines = lines);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"ConnectSdkOptions.JournalHistoryLines is {lines} but must be between 10 and 10000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStatus_JournalFromTheServicesWithTenLines_FoldsPastTen()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 1, 3, 8, 0)));
        var host = new NullHostServices();
        services.AddConnectSdk(o => o.JournalHistoryLines = 10)
            .ConfigureForeignNumberRules(r => r.WithIdentity(new ConnectorId("stub"), "the article number is the stub's number"))
            .UseInMemoryStores()
            .UseArticleCatalog(new InMemoryArticleCatalog())
            .UseStockSource(host)
            .UseOrderSink(host)
            .UseAlertSink(host)
            .AddConnector(StubConnector.WithoutFeatures());
        using var provider = services.BuildServiceProvider();
        var journal = provider.GetRequiredService<SyncJournal>();
        var key = new JournalKey(new ConnectionId("market-1"), RecordKind.ArticlePrice, "4711");
        JournalEntry? entry = null;

        for (var run = 1; run <= 6; run++)
        {
            await journal.SetStatusAsync(key, JournalStatus.Running, "sending price", default);
            entry = await journal.SetStatusAsync(key, JournalStatus.Failed, $"price refused ({run})", default);
        }

        Assert.NotNull(entry);
        Assert.Equal(9, entry.History.Count);
        Assert.Equal((3, 12), (entry.EarlierHistory?.Lines, entry.HistoryLineCount));
    }
}
