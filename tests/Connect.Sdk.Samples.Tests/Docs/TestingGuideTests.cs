using Basar.Connector;
using Basar.Connector.DependencyInjection;
using Basar.Connector.Fake;
using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Hosting;
using NodaTime;

namespace Connect.Sdk.Samples.Tests.Docs;

/// <summary>The code of <c>docs/testing.md</c>: an ERP integration test against a fake marketplace, run.</summary>
public sealed class TestingGuideTests
{
    [Fact]
    public async Task ErpIntegration_FromTheGuide_GarbledAnswerIsJournaledAndHealed()
    {
        #region snippet: testing-erp-integration
        await using var basar = BasarFake.Start("test-token-8c1d");
        await using var host = ConnectTestHost.Create(sdk => sdk.AddBasar());
        var connection = await host.CreateProductiveConnectionAsync(BasarConnector.Id, SettingsUpdate.Empty
            .Set(BasarConnector.BaseUrlKey, basar.BaseAddress.ToString())
            .Set(BasarConnector.FallbackCarrierKey, "DHL")
            .SetSecret(BasarConnector.ApiTokenKey, new SecretValue("test-token-8c1d")));

        var mug = new ForeignNumber(BasarConnector.OfferIdLabel, "BA-4711");
        basar.SeedArticle(mug, stock: 0);
        await host.AddArticleAsync(connection, new Article("4711", "Coffee mug", ArticleKind.Simple), mug, onHand: 7);

        // Basar's answer to the first stock write arrives garbled: nobody knows whether it took the level.
        basar.Faults.Next(FaultKind.MalformedJson, operation: "offers.stock");
        await host.RunForAsync(Duration.FromMinutes(10));   // fake time: every run due in these ten minutes

        var entry = (await host.JournalEntriesAsync(connection, RecordKind.ArticleStock)).Single();
        foreach (var change in entry.History)
        {
            Console.WriteLine($"{change.At}: {change.From} -> {change.To} {change.Message}");
        }
        #endregion

        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Contains(entry.History, change => change.To == JournalStatus.Failed && change.Message!.Contains("Basar", StringComparison.Ordinal));
        Assert.Equal(7, basar.StockOf(mug));
    }
}
