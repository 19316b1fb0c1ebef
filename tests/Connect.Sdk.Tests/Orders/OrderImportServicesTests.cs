using Connect.Sdk.Articles;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Tests.Orders;

public sealed class OrderImportServicesTests
{
    [Fact]
    public async Task AddConnectSdk_RegistersOneOrderImportRunner_TheFacade_AndInMemoryStaging()
    {
        await using var h = new SyncHarness();

        var runner = Assert.Single(h.Services.GetServices<IWorkRunner>(), r => r.Kind == WorkKind.OrderImport);

        Assert.IsType<OrderImportRunner>(runner);
        Assert.NotNull(h.Get<OrderImport>());
        Assert.IsType<InMemoryOrderStagingStore>(h.Get<IOrderStagingStore>());
    }

    [Fact]
    public void Validate_StagingStoreMissing_NamesItAndHowToSupplyIt()
    {
        var services = new ServiceCollection();
        var host = new NullHostServices();
        services.AddConnectSdk()
            .AddConnector(new TestMarketplace())
            .ConfigureForeignNumberRules(r => r.With(TestMarketplace.Rule))
            .UseInMemoryStores()
            .UseArticleCatalog(new InMemoryArticleCatalog())
            .UseStockSource(host)
            .UseOrderSink(host)
            .UseAlertSink(host);
        services.RemoveAll<IOrderStagingStore>();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("IOrderStagingStore (staged orders and the order import cursor)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseInMemoryStores()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdempotencyKey_IsStablePerConnectionAndOrder_AndIdsContainingTheSeparatorDoNotCollide()
    {
        Assert.Equal(OrderHandOverStep.IdempotencyKey(new("a"), "1001"), OrderHandOverStep.IdempotencyKey(new("a"), "1001"));
        Assert.NotEqual(OrderHandOverStep.IdempotencyKey(new("a:b"), "c"), OrderHandOverStep.IdempotencyKey(new("a"), "b:c"));
        Assert.NotEqual(OrderHandOverStep.IdempotencyKey(new("a"), "1001"), OrderHandOverStep.IdempotencyKey(new("b"), "1001"));
    }
}
