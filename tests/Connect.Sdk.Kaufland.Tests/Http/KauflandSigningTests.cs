using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Http;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Kaufland.Tests.Http;

/// <summary>Each attempt is signed as it is sent, and neither key nor signature reaches a log line.</summary>
public sealed partial class KauflandSigningTests
{
    private static readonly ForeignNumber Unit = new(ForeignNumberLabel.ApiUnitId, "400000001");

    [Fact]
    public async Task PushStock_RetriedAfter429_EachAttemptSignedAfreshAndAccepted()
    {
        var attempts = new ConcurrentQueue<(string Timestamp, string Signature)>();
        await using var seller = await KauflandTestSeller.StartAsync(configure: services =>
            services.AddHttpClient(KauflandClient.ClientName).AddHttpMessageHandler(() => new HeaderRecorder(attempts)));
        seller.Fake.SeedArticle(Unit, 3);
        seller.Fake.Faults.Next(FaultKind.TooManyRequests, operation: "units.update");

        var result = await seller.DriveAsync(async () => await seller.Feature<IStockFeature>().PushStockAsync(seller.Context, [new StockUpdate("ART-1", Unit, 7)], CancellationToken.None));

        Assert.True(result.AllSucceeded, string.Join("; ", result.Records.Select(r => r.Message)));
        Assert.Equal(7, seller.Fake.StockOf(Unit));
        Assert.Equal([429, 200], seller.Fake.Requests.Where(r => r.Operation == "units.update").Select(r => r.StatusCode));
        var sent = attempts.ToArray();
        Assert.Equal(2, sent.Length);

        // Retry-After: 1 on the fake time: the retry carries a timestamp a second later, and a signature over it.
        Assert.Equal(long.Parse(sent[0].Timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1, long.Parse(sent[1].Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(sent[0].Signature, sent[1].Signature);
    }

    [Fact]
    public async Task PushStock_WrongSecretKey_NoLogLineShowsAKeyOrASignature()
    {
        var attempts = new ConcurrentQueue<(string Timestamp, string Signature)>();
        await using var seller = await KauflandTestSeller.StartAsync(secretKey: KauflandTestKeys.WrongSecretKey, configure: services =>
            services.AddHttpClient(KauflandClient.ClientName).AddHttpMessageHandler(() => new HeaderRecorder(attempts)));
        seller.Fake.SeedArticle(Unit, 3);

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => seller.DriveAsync(async () => await seller.Feature<IStockFeature>().PushStockAsync(seller.Context, [new StockUpdate("ART-1", Unit, 7)], CancellationToken.None)));

        Assert.True(CredentialsRefusal.In(failure));
        Assert.Contains("/problems/corrupted-signature", failure.Message, StringComparison.Ordinal);
        Assert.NotEmpty(seller.LogLines);
        var signatures = attempts.Select(a => a.Signature).ToArray();
        Assert.NotEmpty(signatures);
        foreach (var line in seller.LogLines.Append(failure.ToString()))
        {
            Assert.DoesNotContain(KauflandTestKeys.WrongSecretKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(KauflandTestKeys.ClientKey, line, StringComparison.Ordinal);
            Assert.DoesNotMatch(Hex64(), line);
        }
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Hex64();

    private sealed class HeaderRecorder(ConcurrentQueue<(string Timestamp, string Signature)> attempts) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            attempts.Enqueue((request.Headers.GetValues("Shop-Timestamp").Single(), request.Headers.GetValues("Shop-Signature").Single()));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
