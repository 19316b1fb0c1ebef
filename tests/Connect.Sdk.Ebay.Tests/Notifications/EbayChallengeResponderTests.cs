using System.Text.Json.Nodes;
using Connect.Sdk.Ebay.Notifications;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Ebay.Tests.Notifications;

public sealed class EbayChallengeResponderTests
{
    // The inputs of eBay's own test ("should return the correct challenge response", test/test.js of
    // eBay/event-notification-nodejs-sdk); the expected hash computed apart from the SDK, with Python's hashlib:
    // sha256(challengeCode + verificationToken + endpoint).hexdigest().
    private const string ChallengeCode = "71745723-d031-455c-bfa5-f90d11b4f20a";
    private const string VerificationToken = "71745723-d031-455c-bfa5-f90d11b4f20a";
    private const string Endpoint = "http://www.testendpoint.com/webhook";
    private const string Expected = "048de9ffd0e35021fefc0388d5c52e0f475324f582f3778ca81a53354ccbbc97";

    [Fact]
    public void Respond_EbaysExampleInputs_IsTheHexSha256OfCodeTokenAndEndpoint()
    {
        var responder = new EbayChallengeResponder(new SecretValue(VerificationToken), Endpoint);

        Assert.Equal(Expected, responder.Respond(ChallengeCode));
    }

    [Fact]
    public void ResponseBody_IsTheJsonEbayExpects()
    {
        var responder = new EbayChallengeResponder(new SecretValue(VerificationToken), Endpoint);

        var body = JsonNode.Parse(responder.ResponseBody(ChallengeCode))!.AsObject();

        Assert.Equal(Expected, (string?)body["challengeResponse"]);
        Assert.Single(body);
    }

    [Fact]
    public void Respond_EndpointWithATrailingSlash_IsAnotherHash_TheEndpointMustBeAsEnteredOnThePortal()
    {
        var responder = new EbayChallengeResponder(new SecretValue(VerificationToken), Endpoint + "/");

        Assert.NotEqual(Expected, responder.Respond(ChallengeCode));
    }

    [Fact]
    public void ToString_NeverShowsTheVerificationToken()
    {
        var responder = new EbayChallengeResponder(new SecretValue("token-that-must-not-show-0123456789abcdef"), Endpoint);

        Assert.DoesNotContain("token-that-must-not-show", responder.ToString(), StringComparison.Ordinal);
    }
}
