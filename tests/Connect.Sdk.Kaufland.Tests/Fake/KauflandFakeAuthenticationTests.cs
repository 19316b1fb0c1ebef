using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Testing.Fakes.Kaufland;

namespace Connect.Sdk.Kaufland.Tests.Fake;

/// <summary>The fake checks Kaufland's headers and the signature over the request exactly as received.</summary>
public sealed class KauflandFakeAuthenticationTests : IAsyncDisposable
{
    private const long Timestamp = 1_790_000_000;
    private readonly KauflandFake _fake = KauflandFake.Start(KauflandTestKeys.Keys);
    private readonly HttpClient _http = new();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public void Compute_PublishedExample_EqualsThePublishedSignature() =>
        // https://sellerapi.kaufland.com/?page=rest-api#signing-requests, the fake's own signer against Kaufland's example.
        Assert.Equal(
            "da0b65f51c0716c1d3fa658b7eaf710583630a762a98c9af8e9b392bd9df2e2a",
            KauflandRequestSignature.Compute("POST", "https://sellerapi.kaufland.com/v2/units/", string.Empty, "1411055926", "a7d0cb1da1ddbc86c96ee5fedd341b7d8ebfbb2f5c83cfe0909f4e57f05dd403"));

    [Fact]
    public async Task Request_SignedOverWhatIsSent_Answered()
    {
        var uri = new Uri(_fake.ApiAddress, "units?storefront=de&limit=1");

        using var answer = await _http.SendAsync(Signed(HttpMethod.Get, uri, signedUri: uri.AbsoluteUri));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task Request_QuerySentOtherThanSigned_RefusedAsCorruptedSignature()
    {
        var signed = new Uri(_fake.ApiAddress, "units?storefront=de&limit=1");
        var sent = new Uri(_fake.ApiAddress, "units?storefront=de&limit=2");

        using var answer = await _http.SendAsync(Signed(HttpMethod.Get, sent, signedUri: signed.AbsoluteUri));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("/problems/corrupted-signature", await TypeOfAsync(answer));
    }

    [Fact]
    public async Task Request_BodySentOtherThanSigned_RefusedAsCorruptedSignature()
    {
        var uri = new Uri(_fake.ApiAddress, "units/1?storefront=de");

        using var answer = await _http.SendAsync(Signed(HttpMethod.Patch, uri, uri.AbsoluteUri, body: "{\"amount\":5}", signedBody: "{\"amount\":6}"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("/problems/corrupted-signature", await TypeOfAsync(answer));
    }

    [Fact]
    public async Task Request_SignatureInUpperCaseHex_RefusedAsCorruptedSignature()
    {
        var uri = new Uri(_fake.ApiAddress, "status/ping");
        var request = Signed(HttpMethod.Get, uri, uri.AbsoluteUri);
        var signature = request.Headers.GetValues("Shop-Signature").Single();
        request.Headers.Remove("Shop-Signature");
        request.Headers.Add("Shop-Signature", signature.ToUpperInvariant());

        using var answer = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task Request_AnotherClientKey_RefusedAsInvalidCredentials()
    {
        var uri = new Uri(_fake.ApiAddress, "status/ping");

        using var answer = await _http.SendAsync(Signed(HttpMethod.Get, uri, uri.AbsoluteUri, clientKey: "another0client0key00000000000000"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("/problems/invalid-credentials", await TypeOfAsync(answer));
    }

    [Theory]
    [InlineData("Shop-Timestamp")]
    [InlineData("Shop-Signature")]
    [InlineData("Shop-Client-Key")]
    [InlineData("User-Agent")]
    public async Task Request_MandatoryHeaderMissing_RefusedNamingIt(string header)
    {
        var uri = new Uri(_fake.ApiAddress, "status/ping");
        var request = Signed(HttpMethod.Get, uri, uri.AbsoluteUri);
        request.Headers.Remove(header);

        using var answer = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("/problems/missing-or-invalid-request-header", await TypeOfAsync(answer));
    }

    private static HttpRequestMessage Signed(HttpMethod method, Uri uri, string signedUri, string? body = null, string? signedBody = null, string? clientKey = null)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var timestamp = Timestamp.ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("User-Agent", "fake-test");
        request.Headers.Add("Shop-Client-Key", clientKey ?? KauflandTestKeys.ClientKey);
        request.Headers.Add("Shop-Timestamp", timestamp);
        request.Headers.Add("Shop-Signature", KauflandRequestSignature.Compute(method.Method, signedUri, signedBody ?? body ?? string.Empty, timestamp, KauflandTestKeys.SecretKey));
        return request;
    }

    private static async Task<string?> TypeOfAsync(HttpResponseMessage answer)
    {
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("type").GetString();
    }
}
