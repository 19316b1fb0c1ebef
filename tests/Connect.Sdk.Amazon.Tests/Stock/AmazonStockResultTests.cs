using System.Net;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Amazon.Listings;
using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Amazon.Tests.Stock;

/// <summary>Amazon's answer to one quantity patch, per record: ACCEPTED, ACCEPTED with issues, INVALID, and what is not an answer.</summary>
public sealed class AmazonStockResultTests
{
    [Fact]
    public async Task Accepted_WithoutIssues_Succeeds()
    {
        var result = await ResultOfAsync(HttpStatusCode.OK, """{"sku":"MUG-BLUE","status":"ACCEPTED","submissionId":"f1dc2914","issues":[]}""");

        Assert.Equal(RecordResult.Success("ART-1"), result);
    }

    [Fact]
    public async Task Accepted_WithAWarningIssue_IsAWarningQuotingIt()
    {
        var result = await ResultOfAsync(HttpStatusCode.OK, """{"sku":"MUG-BLUE","status":"ACCEPTED","submissionId":"f1dc2914","issues":[{"code":"90220","message":"'lead_time_to_ship_max_days' is missing.","severity":"WARNING"}]}""");

        Assert.Equal(RecordOutcome.Warning, result.Outcome);
        Assert.Contains("WARNING 90220: 'lead_time_to_ship_max_days' is missing.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_WithTheSameIssueInTwoSubmissions_SameMessageForOneIncident_SubmissionIdOnlyInTheLog()
    {
        const string Issue = """
            "issues":[{"code":"90220","message":"'lead_time_to_ship_max_days' is missing.","severity":"WARNING"}]
            """;

        var first = await ResultOfAsync(HttpStatusCode.OK, $$"""{"sku":"MUG-BLUE","status":"ACCEPTED","submissionId":"a6b7c8d9-first",{{Issue}}}""");
        var second = await ResultOfAsync(HttpStatusCode.OK, $$"""{"sku":"MUG-BLUE","status":"ACCEPTED","submissionId":"a6b7c8d9-second",{{Issue}}}""");

        Assert.Equal(first.Message, second.Message);
        Assert.DoesNotContain("a6b7c8d9", first.Message, StringComparison.Ordinal);
        Assert.Contains(AdapterTestLog.Lines, line => line.Contains("submission a6b7c8d9-second", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HtmlPageInsteadOfTheSubmission_FailsQuotingOneLineOfItsTextRedacted()
    {
        var page = $"<html><head><title>Error</title><style>p {{ color: red; }}</style></head><body><h1>502 Bad Gateway</h1>\n<p>token {AmazonTestAccount.RefreshToken}</p></body></html>";

        var result = await ResultOfAsync(HttpStatusCode.OK, page);

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains($"(\"502 Bad Gateway token {SecretValue.Redacted}\")", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AmazonTestAccount.RefreshToken, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_FailsWithAmazonsIssues()
    {
        var result = await ResultOfAsync(HttpStatusCode.OK, """{"sku":"MUG-BLUE","status":"INVALID","issues":[{"code":"4000003","message":"The quantity is not valid.","severity":"ERROR"}]}""");

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains("quantity 7 for SKU MUG-BLUE as INVALID: ERROR 4000003: The quantity is not valid.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_IssueWithAttributeNames_NamesTheAttributesToFix()
    {
        var result = await ResultOfAsync(HttpStatusCode.OK, """{"sku":"MUG-BLUE","status":"INVALID","issues":[{"code":"90220","message":"'merchant_shipping_group' is required but not supplied.","severity":"ERROR","attributeNames":["merchant_shipping_group","fulfillment_availability"]}]}""");

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains(
            "as INVALID: ERROR 90220: 'merchant_shipping_group' is required but not supplied. (attributes to fix: merchant_shipping_group, fulfillment_availability)",
            result.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "<html>Bad gateway</html>", "not the documented JSON")]
    [InlineData(HttpStatusCode.OK, """{"sku":"MUG-BLUE","status":"VALID"}""", "status 'VALID'")]
    [InlineData(HttpStatusCode.BadRequest, """{"errors":[{"code":"InvalidInput","message":"Invalid input","details":"marketplaceIds"}]}""", "400 (InvalidInput: Invalid input (marketplaceIds))")]
    [InlineData(HttpStatusCode.NotFound, """{"errors":[{"code":"NotFound","message":"SKU MUG-BLUE is not listed."}]}""", "does not list SKU MUG-BLUE")]
    public async Task NoUsableAnswer_FailsTheRecordNamingWhy(HttpStatusCode status, string body, string named)
    {
        var result = await ResultOfAsync(status, body);

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains(named, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, """{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]}""")]
    [InlineData(HttpStatusCode.Unauthorized, """{"errors":[{"code":"Unauthorized","message":"The access token is invalid.","details":""}]}""")]
    public async Task RefusedAccess_ThrowsARefusalOfTheCredentialsInsteadOfFailingTheSku(HttpStatusCode status, string body)
    {
        // The SDK pauses the connection on this instead of failing (and alerting) every SKU of the batch with it.
        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => ResultOfAsync(status, body));

        Assert.True(CredentialsRefusal.In(error), error.Message);
        Assert.Contains("Unauthorized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerEchoingTheRefreshToken_IsRedacted()
    {
        var result = await ResultOfAsync(HttpStatusCode.BadRequest, $$"""{"errors":[{"code":"InvalidInput","message":"bad token {{AmazonTestAccount.RefreshToken}}"}]}""");

        Assert.DoesNotContain(AmazonTestAccount.RefreshToken, result.Message, StringComparison.Ordinal);
        Assert.Contains(SecretValue.Redacted, result.Message, StringComparison.Ordinal);
    }

    private static async Task<RecordResult> ResultOfAsync(HttpStatusCode status, string body)
    {
        var settings = SettingsUpdate.Empty
            .Set(AmazonConnector.ClientIdKey, AmazonTestAccount.ClientId)
            .Set(AmazonConnector.SellerIdKey, AmazonTestAccount.SellerId)
            .Set(AmazonConnector.RegionKey, AmazonRegion.Europe)
            .Set(AmazonConnector.MarketplaceIdsKey, AmazonTestAccount.Marketplace)
            .SetSecret(AmazonConnector.ClientSecretKey, new SecretValue(AmazonTestAccount.ClientSecret))
            .SetSecret(AmazonConnector.RefreshTokenKey, new SecretValue(AmazonTestAccount.RefreshToken));
        var connection = await AmazonConnectionSettings.ReadAsync(await AmazonTestServices.ContextAsync(settings), CancellationToken.None);
        return ListingsItem.ResultOf("ART-1", "MUG-BLUE", "quantity 7", new AmazonResponse(status, body), connection, AdapterTestLog.CreateFactory().CreateLogger("AmazonStockResultTests"));
    }
}
