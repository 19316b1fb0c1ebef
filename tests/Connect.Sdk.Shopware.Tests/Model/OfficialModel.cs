using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Shopware.Tests.Model;

/// <summary>
/// Shopware's official Admin API model: the entity schemas of its OpenAPI document as <c>@shopware/api-client</c>
/// publishes them (<c>Samples/adminApiSchema.excerpt.json</c>). Checks a JSON entity against one: every field it holds is
/// a field of the model, with the model's JSON type.
/// </summary>
internal sealed class OfficialModel
{
    private readonly JsonObject _schemas;

    private OfficialModel(JsonObject schemas) => _schemas = schemas;

    public static OfficialModel Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "adminApiSchema.excerpt.json")))!["schemas"]!.AsObject());

    /// <summary>The entity's fields the model does not have, or has with another type, each with its path.</summary>
    public IReadOnlyList<string> Problems(JsonNode entity, string schema)
    {
        var problems = new List<string>();
        Check(entity, Schema(schema), schema, problems);
        return problems;
    }

    /// <summary>The association paths (a.b.c) the model does not have as fields of the entity.</summary>
    public IReadOnlyList<string> UnknownAssociations(JsonObject criteria, string schema)
    {
        var unknown = new List<string>();
        Walk(criteria, Schema(schema), schema, unknown);
        return unknown;
    }

    private void Walk(JsonObject criteria, JsonObject? schema, string path, List<string> unknown)
    {
        foreach (var (name, nested) in criteria["associations"] as JsonObject ?? [])
        {
            var properties = Properties(schema);
            if (!properties.TryGetValue(name, out var field))
            {
                unknown.Add($"{path}.{name}");
                continue;
            }

            var target = Resolve(field!.AsObject());
            Walk(nested!.AsObject(), target?["items"] is JsonObject items ? Resolve(items) : target, $"{path}.{name}", unknown);
        }
    }

    private void Check(JsonNode? value, JsonObject? schema, string path, List<string> problems)
    {
        schema = Resolve(schema);
        if (value is null || schema is null)
        {
            return;
        }

        var properties = Properties(schema);
        if (!TypeFits(value, schema, properties.Count > 0))
        {
            problems.Add($"{path} is {value.GetValueKind()}, the model has {schema["type"]?.ToJsonString()}");
            return;
        }

        if (value is JsonObject entity && properties.Count > 0)
        {
            foreach (var (name, field) in entity)
            {
                if (!properties.TryGetValue(name, out var fieldSchema))
                {
                    problems.Add($"{path}.{name} is not a field of the model");
                    continue;
                }

                Check(field, fieldSchema?.AsObject(), $"{path}.{name}", problems);
            }
        }
        else if (value is JsonArray list && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Check(list[i], items, $"{path}[{i}]", problems);
            }
        }
    }

    // Shopware's generator types JSON fields (calculatedTaxes, payload, customFields) as a bare object; they hold lists too.
    private static bool TypeFits(JsonNode value, JsonObject schema, bool hasProperties)
    {
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => (string?)t).ToArray(),
            JsonValue one => [(string?)one],
            _ => [],
        };
        if (types.Length == 0)
        {
            return true;
        }

        var kind = value.GetValueKind();
        return types.Any(type => type switch
        {
            "string" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "array" => kind == JsonValueKind.Array,
            "object" => kind == JsonValueKind.Object || (!hasProperties && kind == JsonValueKind.Array),
            "null" => kind == JsonValueKind.Null,
            _ => true,
        });
    }

    private JsonObject? Schema(string name) => _schemas[name]?.AsObject();

    private JsonObject? Resolve(JsonObject? schema)
    {
        while (schema?["$ref"] is JsonValue reference)
        {
            schema = Schema(((string)reference!).Split('/')[^1]);
        }

        return schema;
    }

    private Dictionary<string, JsonNode?> Properties(JsonObject? schema)
    {
        var properties = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        schema = Resolve(schema);
        foreach (var (name, field) in schema?["properties"] as JsonObject ?? [])
        {
            properties[name] = field;
        }

        foreach (var part in (schema?["allOf"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            foreach (var (name, field) in Properties(part))
            {
                properties.TryAdd(name, field);
            }
        }

        return properties;
    }
}
