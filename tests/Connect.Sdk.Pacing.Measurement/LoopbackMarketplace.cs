using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Pacing.Measurement;

/// <summary>
/// A marketplace on loopback that limits writes like a real one: one token bucket for the account, counted when a
/// request arrives (Kestrel runs the handler once the request line and headers are in), refill thrown away while the
/// bucket is full (<see cref="Connect.Sdk.Testing.RateLimits.TokenBucket"/>), and past the burst a 429 with a
/// <c>Retry-After</c> in whole seconds. Each scenario starts on a fresh, full bucket.
/// </summary>
public sealed class LoopbackMarketplace : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _burst;
    private readonly double _rate;
    private MarketplaceTally _tally;

    private LoopbackMarketplace(WebApplication app, int burst, double rate)
    {
        _app = app;
        _burst = burst;
        _rate = rate;
        _tally = new MarketplaceTally(burst, rate);
    }

    /// <summary>The address writers post to.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the marketplace on a free loopback port.</summary>
    public static async Task<LoopbackMarketplace> StartAsync(int burst, double rate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var marketplace = new LoopbackMarketplace(app, burst, rate);
        app.MapPost("/writes", marketplace.Write);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        marketplace.Address = new Uri(address + "/");
        return marketplace;
    }

    /// <summary>A fresh, full bucket and empty counts for the next scenario; returns the finished scenario's tally.</summary>
    public MarketplaceTally Reset() => Interlocked.Exchange(ref _tally, new MarketplaceTally(_burst, _rate));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Write(HttpContext context)
    {
        var id = context.Request.Headers["X-Write-Id"].ToString();
        if (Volatile.Read(ref _tally).TryAccept(id, out var retryAfter))
        {
            return Results.Ok();
        }

        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Results.StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
