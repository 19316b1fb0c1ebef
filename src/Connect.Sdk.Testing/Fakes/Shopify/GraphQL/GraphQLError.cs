using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// An entry of a GraphQL answer's <c>errors</c> in Shopify's shape: <c>message</c>, <c>locations</c>, <c>path</c> and
/// <c>extensions</c> (with <c>code</c>), each only when it has one.
/// </summary>
internal sealed record GraphQLError(string Message, IReadOnlyList<GraphQLLocation> Locations, IReadOnlyList<object>? Path, JsonObject? Extensions)
{
    public static GraphQLError At(string message, GraphQLLocation location, IReadOnlyList<object>? path, string code, JsonObject? extensions = null)
    {
        extensions ??= [];
        extensions["code"] = code;
        return new GraphQLError(message, [location], path, extensions);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["message"] = Message };
        if (Locations.Count > 0)
        {
            json["locations"] = new JsonArray([.. Locations.Select(l => (JsonNode)l.ToJson())]);
        }

        if (Path is not null)
        {
            json["path"] = new JsonArray([.. Path.Select(p => p is int i ? JsonValue.Create(i) : (JsonNode)JsonValue.Create((string)p))]);
        }

        if (Extensions is not null)
        {
            json["extensions"] = Extensions.DeepClone();
        }

        return json;
    }
}
