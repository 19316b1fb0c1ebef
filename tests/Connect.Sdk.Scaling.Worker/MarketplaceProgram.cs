using Basar.Connector;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// The marketplace process: the fake Basars, the connections on them brought live through the lifecycle as a user
/// would, the ERP's stock, and the orders. Orders are placed either all before it reports <c>ready</c> (the
/// throughput measurement: the same work for 1 and for 4 workers) or in waves after it (the process test: orders
/// arrive while the workers run), each wave followed by a fetch request per connection, as a marketplace's
/// notification would trigger, and a stock change of one article for every connection. Without stock (<c>--stock 0</c>,
/// the throughput measurement) the connections import orders only. It runs no scheduler.
/// </summary>
internal static class MarketplaceProgram
{
    private static readonly Actor User = new("scaling");

    public static async Task<int> RunAsync(ScalingSettings settings)
    {
        await using var dataSource = NpgsqlDataSource.Create(ScalingSettings.Database);
        await ScalingTables.CreateAsync(dataSource, CancellationToken.None);
        await using var farm = MarketplaceFarm.Start(settings.Connections, Duration.FromMilliseconds(settings.LatencyMilliseconds));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ScalingSdk.Add(builder.Services, dataSource, new WorkerIdentity("marketplace", Environment.ProcessId), settings);
        using var host = builder.Build();
        await host.StartAsync();
        var services = host.Services;

        await SeedStockAsync(dataSource);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, farm.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (index, ct) => await GoLiveAsync(services, farm, index, settings.WithStock, ct));
        Console.WriteLine($"{farm.Count} connections live");

        var clock = services.GetRequiredService<IClock>();
        if (!settings.FeedAfterReady)
        {
            for (var serial = 1; serial <= settings.OrdersPerConnection; serial++)
            {
                await PlaceWaveAsync(dataSource, farm, serial, clock.GetCurrentInstant());
            }

            await RequestFetchAsync(services, farm);
        }

        await ScalingTables.RecordProgressAsync(dataSource, "ready", farm.Count, CancellationToken.None);
        if (settings.FeedAfterReady)
        {
            for (var serial = 1; serial <= settings.OrdersPerConnection; serial++)
            {
                // Pacing of the load generator, not a synchronisation: the next wave arrives while the workers import.
                await Task.Delay(settings.WaveMilliseconds);
                await PlaceWaveAsync(dataSource, farm, serial, clock.GetCurrentInstant());
                await NotifyAsync(services, dataSource, farm, serial, settings.WithStock);
                await ScalingTables.RecordProgressAsync(dataSource, "wave", serial, CancellationToken.None);
            }
        }

        await ScalingTables.RecordProgressAsync(dataSource, "fed", farm.Count * settings.OrdersPerConnection, CancellationToken.None);
        Console.WriteLine($"{farm.Count * settings.OrdersPerConnection} orders placed");
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        await Task.WhenAny(Console.In.ReadToEndAsync(lifetime.ApplicationStopping), Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping));
        await host.StopAsync();
        return 0;
    }

    private static async Task SeedStockAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO scaling_stock (article_number, on_hand) SELECT unnest($1::text[]), 10 ON CONFLICT (article_number) DO NOTHING");
        command.Parameters.AddWithValue(ScalingArticles.Numbers.ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task GoLiveAsync(IServiceProvider services, MarketplaceFarm farm, int index, bool withStock, CancellationToken cancellationToken)
    {
        var lifecycle = services.GetRequiredService<ConnectionLifecycle>();
        var id = MarketplaceFarm.ConnectionOf(index);
        var settings = SettingsUpdate.Empty
            .Set(BasarConnector.BaseUrlKey, farm.AddressOf(index).ToString())
            .Set(BasarConnector.FallbackCarrierKey, Carrier.Dhl.Value)
            .SetSecret(BasarConnector.ApiTokenKey, new SecretValue(MarketplaceFarm.TokenOf(index)));
        Ok(id, "create", await lifecycle.CreateAsync(id, BasarConnector.Id, id.Value, User, cancellationToken));
        Ok(id, "settings", await lifecycle.UpdateSettingsAsync(id, settings, User, cancellationToken));
        var check = Ok(id, "connection check", await lifecycle.RunConnectionCheckAsync(id, User, cancellationToken));
        if (check.Connection?.Check.Passed != true)
        {
            throw new InvalidOperationException($"The connection check of {id} failed: {check.Connection?.Check.Message}");
        }

        var report = await services.GetRequiredService<ForeignNumberImporter>().ImportAsync(
            id,
            BasarConnector.Id,
            ScalingArticles.Numbers.Select(a => new ForeignNumberRow(a, MarketplaceFarm.OfferLabel, ScalingArticles.OfferOf(a).Value)),
            cancellationToken);
        if (!report.IsComplete)
        {
            throw new InvalidOperationException($"The foreign numbers of {id} were refused: {string.Join("; ", report.Issues)}");
        }

        if (withStock)
        {
            Ok(id, "stock", await lifecycle.SetFeatureModeAsync(id, FeatureKind.Stock, FeatureMode.Integration, User, cancellationToken));
        }

        Ok(id, "orders", await lifecycle.SetFeatureModeAsync(id, FeatureKind.Orders, FeatureMode.Integration, User, cancellationToken));
        Ok(id, "import mode", await lifecycle.SetImportModeAsync(id, ImportMode.Automatic, User, cancellationToken));
        Ok(id, "productive", await lifecycle.SetProductiveModeAsync(id, true, User, cancellationToken));
    }

    private static LifecycleResult Ok(ConnectionId id, string step, LifecycleResult result) =>
        result.Succeeded ? result : throw new InvalidOperationException($"{id}: {step} was refused: {result}");

    private static async Task PlaceWaveAsync(NpgsqlDataSource dataSource, MarketplaceFarm farm, int serial, Instant now)
    {
        var connections = new string[farm.Count];
        var numbers = new string[farm.Count];
        for (var index = 0; index < farm.Count; index++)
        {
            connections[index] = MarketplaceFarm.ConnectionOf(index).Value;
            numbers[index] = farm.PlaceOrder(index, serial, now);
        }

        await using var command = dataSource.CreateCommand(
            "INSERT INTO scaling_orders (connection_id, order_number) SELECT unnest($1::text[]), unnest($2::text[])");
        command.Parameters.AddWithValue(connections);
        command.Parameters.AddWithValue(numbers);
        await command.ExecuteNonQueryAsync();
    }

    // As a marketplace's notification of new orders would: a fetch is due at once, with the time it was asked for, so
    // it queues in order behind what is due already instead of waiting for the connection's first scheduled import.
    private static async Task RequestFetchAsync(IServiceProvider services, MarketplaceFarm farm)
    {
        var orders = services.GetRequiredService<OrderImport>();
        for (var index = 0; index < farm.Count; index++)
        {
            await orders.FetchOrdersAsync(MarketplaceFarm.ConnectionOf(index), CancellationToken.None);
        }
    }

    private static async Task NotifyAsync(IServiceProvider services, NpgsqlDataSource dataSource, MarketplaceFarm farm, int serial, bool withStock)
    {
        await RequestFetchAsync(services, farm);
        if (!withStock)
        {
            return;
        }

        var article = ScalingArticles.Numbers[serial % ScalingArticles.Numbers.Count];
        await using (var command = dataSource.CreateCommand("UPDATE scaling_stock SET on_hand = on_hand + 1 WHERE article_number = $1"))
        {
            command.Parameters.AddWithValue(article);
            await command.ExecuteNonQueryAsync();
        }

        await services.GetRequiredService<StockSync>().NotifyStockChangedAsync([article], CancellationToken.None);
    }
}
