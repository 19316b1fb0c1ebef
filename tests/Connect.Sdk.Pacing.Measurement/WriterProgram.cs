using System.Diagnostics;
using System.Globalization;
using System.Text;
using Connect.Sdk.Http;
using Connect.Sdk.RateLimits;
using Connect.Sdk.Storage.PostgreSql;
using Connect.Sdk.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Pacing.Measurement;

/// <summary>
/// One client process: posts its writes into the marketplace with the given number in flight per client, and prints
/// one line, <c>ok failed seconds</c>. A write is lost when its last answer is not 2xx or it throws. The SDK's writes
/// are plain POSTs, not marked idempotent: only a 429 may send them again.
/// </summary>
public static class WriterProgram
{
    /// <summary>The account every SDK client calls as.</summary>
    public const string Account = "pacing:loopback";

    /// <summary>Runs the writer.</summary>
    public static async Task<int> RunAsync(PacingSettings settings)
    {
        var services = new ServiceCollection();
        var store = await OpenStoreAsync(settings.Store);
        if (store is not null)
        {
            services.AddSingleton(store);
            services.AddSharedRateBudgets();
        }

        var names = Enumerable.Range(0, settings.Clients).Select(n => $"writer-{n}").ToArray();
        var model = RateLimitModel.TokenBucket(settings.Rate, settings.Burst);
        foreach (var name in names)
        {
            if (settings.Client == "baseline")
            {
                services.AddHttpClient(name, client => client.BaseAddress = new Uri(settings.Url)).AddStandardResilienceHandler();
            }
            else
            {
                services.AddMarketplaceHttpClient(name, options =>
                {
                    options.BaseAddress = new Uri(settings.Url);
                    options.Account = Account;
                    options.RateLimit = model;
                });
            }
        }

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var clients = names.Select(factory.CreateClient).ToArray();
        var inFlight = settings.InFlight[0];
        var next = -1;
        var ok = 0;
        var failed = 0;

        var wait = DateTimeOffset.FromUnixTimeMilliseconds(settings.StartAt) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            // A program, not a test: the processes of a scenario start together on the wall clock.
            await Task.Delay(wait);
        }

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < settings.Writes)
            {
                if (await WriteAsync(client, settings.FirstId + index))
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ok} {failed} {Stopwatch.GetElapsedTime(started).TotalSeconds:F3}"));
        return 0;
    }

    private static async Task<bool> WriteAsync(HttpClient client, int id)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "writes")
            {
                Content = new StringContent($$"""{"sku":"A-{{id}}","quantity":7}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Write-Id", id.ToString(CultureInfo.InvariantCulture));
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException)
        {
            return false;
        }
    }

    private static async Task<IRateBudgetStore?> OpenStoreAsync(string store)
    {
        if (store.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            var database = new SqliteDatabase(new SqliteStoreOptions { Path = store["sqlite:".Length..] });
            await database.MigrateAsync(CancellationToken.None);
            return new SqliteRateBudgetStore(database);
        }

        if (store.StartsWith("postgres:", StringComparison.Ordinal))
        {
            var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = store["postgres:".Length..] });
            await database.MigrateAsync(CancellationToken.None);
            return new PostgreSqlRateBudgetStore(database);
        }

        return null;
    }
}
