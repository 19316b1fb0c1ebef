using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Shopify.Tests.TestDoubles;

/// <summary>
/// What went over the wire to the fake shop, recorded by a handler innermost in the connector's client: each answer's
/// status, whether it was THROTTLED, its requested and actual cost and its first error's code. Register <see cref="CreateHandler"/> on the client named
/// <see cref="ShopifyConnector.HttpClientName"/>; it can also act on a request before it is sent.
/// </summary>
public sealed class ShopifyTraffic
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    /// <summary>Called with each request's body before it is sent; a test changes the shop here to race the connector.</summary>
    public Func<string, Task>? BeforeSend { get; set; }

    /// <summary>Changes an answer's JSON (given the request's body) before the connector reads it, as Shopify sending a flawed answer.</summary>
    public Action<string, JsonObject>? ChangeAnswer { get; set; }

    public IReadOnlyList<Exchange> Exchanges => [.. _exchanges];

    public int Throttled => Exchanges.Count(e => e.IsThrottled || e.Status == HttpStatusCode.TooManyRequests);

    /// <summary>The points the shop charged: each answer's <c>actualQueryCost</c>.</summary>
    public double ActualCost => Exchanges.Sum(e => e.ActualCost ?? 0);

    /// <summary>Answers a request (by its body) in the shop's place when it returns a body; <see langword="null"/> sends it on.</summary>
    public Func<string, string?>? AnswerInstead { get; set; }

    public DelegatingHandler CreateHandler() => new Recorder(this);

    /// <summary>One request and its answer.</summary>
    public sealed record Exchange(string Request, HttpStatusCode Status, bool IsThrottled, double? ActualCost, double? RequestedCost = null, string? ErrorCode = null);

    private sealed class Recorder(ShopifyTraffic traffic) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (traffic.BeforeSend is { } before)
            {
                await before(body);
            }

            var response = traffic.AnswerInstead?.Invoke(body) is { } instead
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(instead, System.Text.Encoding.UTF8, "application/json") }
                : await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (traffic.ChangeAnswer is { } change && response.IsSuccessStatusCode && JsonNode.Parse(text) is JsonObject answer)
            {
                change(body, answer);
                text = answer.ToJsonString();
                response.Content = new StringContent(text, System.Text.Encoding.UTF8, "application/json");
            }

            double? actual = null;
            double? requested = null;
            string? code = null;
            var throttled = false;
            try
            {
                var json = JsonNode.Parse(text);
                actual = (double?)json?["extensions"]?["cost"]?["actualQueryCost"];
                // A REST-style error ("errors": "Throttled") is a string, not GraphQL's list of errors.
                var firstError = (json?["errors"] as JsonArray)?.FirstOrDefault();
                requested = (double?)json?["extensions"]?["cost"]?["requestedQueryCost"] ?? (double?)firstError?["extensions"]?["cost"];
                code = (string?)firstError?["extensions"]?["code"];
                throttled = text.Contains("\"THROTTLED\"", StringComparison.Ordinal);
            }
            catch (System.Text.Json.JsonException)
            {
                // A fault's broken body: recorded without a cost.
            }

            traffic._exchanges.Enqueue(new Exchange(body, response.StatusCode, throttled, actual, requested, code));
            return response;
        }
    }
}
