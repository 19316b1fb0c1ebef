using Connect.Sdk.ForeignNumbers;
using LifecycleWalkthrough;
using LifecycleWalkthrough.DemoShop;
using LifecycleWalkthrough.Erp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        Walks one connection of an invented "Demo Shop" connector through the Connect.Sdk lifecycle:
        connection check, foreign numbers from CSV, test phase, integration mode and productive mode.
        Everything runs in memory; nothing leaves the machine.

        Usage: dotnet run --project samples/LifecycleWalkthrough [--help]
        """);
    return 0;
}

Console.OutputEncoding = System.Text.Encoding.UTF8;
var erp = new SampleErp();
var services = new ServiceCollection();
services.AddConnectSdk()
    .AddConnector<DemoShopConnector>()
    .ConfigureForeignNumberRules(rules => rules.With(DemoShopConnector.ForeignNumberRule))
    .UseArticleCatalog(erp.Articles)
    .UseStockSource(erp.Stock)
    .UseOrderSink(erp.OrderBook)
    .UseAlertSink(erp.Inbox)
    .UseInMemoryStores();

await using var provider = services.BuildServiceProvider();

// Outside a generic host nothing runs ValidateOnStart, so the sample runs the start-up checks itself.
provider.GetRequiredService<IStartupValidator>().Validate();

return await new Walkthrough(provider, Console.Out).RunAsync(CancellationToken.None);
