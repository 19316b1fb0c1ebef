namespace Connect.Sdk.Amazon.Wire;

/// <summary>getOrder's answer: <c>{"payload":{…order…}}</c>; the order stays raw JSON for the mapper.</summary>
internal sealed record GetOrderResponseJson(System.Text.Json.JsonElement Payload);
