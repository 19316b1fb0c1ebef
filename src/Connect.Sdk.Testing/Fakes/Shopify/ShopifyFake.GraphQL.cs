using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <content>
/// A GraphQL request from body to answer: the API version it is served in, the document parsed, the operation chosen,
/// validated and its variables coerced, priced and let through the throttle, then executed.
/// </content>
public sealed partial class ShopifyFake
{
    private const string ApiVersionHeader = "X-Shopify-API-Version";

    // Shopify refuses any single query that costs more than this, whatever the bucket holds.
    private const int SingleQueryMaxCost = 1000;

    /// <summary>
    /// The stable API versions the fake serves, oldest first: a wider window than Shopify keeps at any one time, so a test
    /// can exercise the behaviour of an older version. A request for any other dated version is served in the oldest of
    /// them, as Shopify serves a version it no longer (or does not) support; <c>unstable</c> and <see cref="ReleaseCandidate"/>
    /// are served as themselves.
    /// </summary>
    public static IReadOnlyList<string> SupportedApiVersions { get; } = ["2025-01", "2025-04", "2025-07", "2025-10", "2026-01", "2026-04", "2026-07", "2026-10"];

    /// <summary>
    /// The release candidate the fake serves: the quarter after the newest of <see cref="SupportedApiVersions"/>. Shopify
    /// serves its release candidate as itself; the fake gives it the newest version's schema, as it models no change of its own.
    /// </summary>
    public static string ReleaseCandidate { get; } = NextQuarter(SupportedApiVersions[^1]);

    /// <inheritdoc />
    protected override string FaultOperationOf(string operation, string? body)
    {
        // One draw per request, named after the first root field of the operation it runs.
        if (operation == "graphql" && ReadBody(body) is { } request)
        {
            try
            {
                var document = GraphQLDocumentParser.Parse(request.Query);
                if (ChooseOperation(document, request.OperationName).Operation?.Selections.OfType<GraphQLField>().FirstOrDefault() is { } field)
                {
                    return $"graphql.{field.Name}";
                }
            }
            catch (GraphQLSyntaxException)
            {
                // A document that is not GraphQL is the plain "graphql" operation.
            }
        }

        return operation;
    }

    /// <inheritdoc />
    protected override FakeResponse CompleteAnswer(FakeCall request, FakeResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);

        // Every answer names the version that served it, a refusal or a fault too; a path without a version is served
        // in the oldest supported one, as Shopify serves a request that names none.
        var asked = VersionInPath().Match(request.Path) is { Success: true } match ? match.Groups["version"].Value : null;
        var headers = new Dictionary<string, string>(response.Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            [ApiVersionHeader] = ServedVersion(asked),
        };
        return response with { Headers = headers };
    }

    // The quarter after the newest stable version is Shopify's release candidate, served as itself (with the newest
    // schema the fake has); any other version it does not serve falls forward to the oldest supported one.
    private static string ServedVersion(string? asked) =>
        asked is not null && (asked == "unstable" || asked == ReleaseCandidate || SupportedApiVersions.Contains(asked)) ? asked : SupportedApiVersions[0];

    private static string NextQuarter(string version)
    {
        var year = int.Parse(version[..4], CultureInfo.InvariantCulture);
        var month = int.Parse(version[5..], CultureInfo.InvariantCulture) + 3;
        return month > 12 ? string.Create(CultureInfo.InvariantCulture, $"{year + 1}-{month - 12:00}") : string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}");
    }

    [GeneratedRegex("^/admin/api/(?<version>[^/]+)/", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex VersionInPath();

    private static bool IsAtLeast(string served, string version) =>
        served == "unstable" || string.CompareOrdinal(served, version) >= 0;

    private static (string Query, JsonObject Variables, string? OperationName)? ReadBody(string? body)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(body) || JsonNode.Parse(body) is not JsonObject json
                || json["query"] is not JsonValue query || !query.TryGetValue<string>(out var text))
            {
                return null;
            }

            var variables = json["variables"] switch
            {
                JsonObject given => given,
                null => [],
                _ => null,
            };
            var operationName = json["operationName"] is JsonValue name && name.TryGetValue<string>(out var n) ? n : null;
            return variables is null ? null : (text, variables, operationName);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (GraphQLOperation? Operation, string? Problem) ChooseOperation(GraphQLDocument document, string? operationName)
    {
        if (operationName is not null)
        {
            return document.Operations.FirstOrDefault(o => o.Name == operationName) is { } named ? (named, null) : (null, $"No operation named \"{operationName}\"");
        }

        return document.Operations.Count switch
        {
            0 => (null, "No operations in query string"),
            1 => (document.Operations[0], null),
            _ => (null, "An operation name is required"),
        };
    }

    private FakeResponse Execute(FakeCall call) => Answer(ServedVersion(call.RouteValues["version"]), call.Body);

    private FakeResponse Answer(string version, string? body)
    {
        if (ReadBody(body) is not { } request)
        {
            return Json(400, new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } });
        }

        GraphQLDocument document;
        try
        {
            document = GraphQLDocumentParser.Parse(request.Query);
        }
        catch (GraphQLSyntaxException syntax)
        {
            return Errors([new GraphQLError(syntax.Message, [new GraphQLLocation(syntax.Line, syntax.Column)], null, null)]);
        }

        var (operation, problem) = ChooseOperation(document, request.OperationName);
        if (operation is null)
        {
            return Errors([new GraphQLError(problem!, [], null, null)]);
        }

        if (operation.Kind == "subscription")
        {
            return Errors([new GraphQLError("Schema is not configured for subscriptions", [operation.Location], null, null)]);
        }

        var schema = SchemaOf(version);
        var invalid = GraphQLValidator.Validate(schema, document, operation);
        if (invalid.Count > 0)
        {
            return Errors(invalid);
        }

        var (variables, variableErrors) = GraphQLVariables.Coerce(schema, operation, request.Variables);
        if (variableErrors.Count > 0)
        {
            return Errors(variableErrors);
        }

        if (Precheck(schema, document, operation, variables, version) is { } refused)
        {
            return Errors([refused]);
        }

        var (requested, unbounded) = GraphQLCostCalculator.Price(schema, document, operation, variables);
        if (unbounded is not null)
        {
            // Shopify's own client tests show this answer: no data, the error without a code, and the cost charged.
            _bucket.TryTake(Math.Min(requested, _bucket.Available), out _);
            return Json(200, new JsonObject
            {
                ["data"] = null,
                ["errors"] = new JsonArray(new GraphQLError("you must provide one of first or last", [], unbounded, null).ToJson()),
                ["extensions"] = Cost(requested, requested),
            });
        }

        var maxCost = Math.Min(SingleQueryMaxCost, Throttle.MaximumAvailable);
        if (requested > maxCost)
        {
            // A query that could never fit is refused outright rather than throttled forever.
            return Errors([new GraphQLError(
                string.Create(CultureInfo.InvariantCulture, $"Query cost is {requested}, which exceeds the single query max cost limit ({maxCost})."),
                [],
                null,
                new JsonObject { ["code"] = "MAX_COST_EXCEEDED" })]);
        }

        if (_bucket.Available < requested)
        {
            return Json(200, new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["message"] = "Throttled", ["extensions"] = new JsonObject { ["code"] = "THROTTLED" } }),
                ["extensions"] = Cost(requested, actual: null),
            });
        }

        _searchWarnings.Clear();
        var (data, errors, actual) = GraphQLExecutor.Execute(schema, document, operation, variables, root: null);
        var charged = Math.Min(actual, requested);
        if (charged > 0)
        {
            _bucket.TryTake(charged, out _);
        }

        var answer = new JsonObject { ["data"] = data };
        if (errors.Count > 0)
        {
            answer["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)e.ToJson())]);
        }

        var extensions = Cost(requested, charged);
        if (_searchWarnings.Count > 0)
        {
            extensions["search"] = new JsonArray([.. _searchWarnings.Select(w => (JsonNode)w.DeepClone())]);
        }

        answer["extensions"] = extensions;
        return Json(200, answer);
    }

    // What Shopify refuses before running a mutation or a page that the schema alone allows.
    private static GraphQLError? Precheck(GraphQLSchema schema, GraphQLDocument document, GraphQLOperation operation, Dictionary<string, JsonNode?> variables, string version)
    {
        var root = schema.RootOf(operation);
        foreach (var (_, fields) in GraphQLFieldCollector.Collect(document, root, operation.Selections, variables))
        {
            var field = fields[0];
            if (!root.Fields.TryGetValue(field.Name, out var definition))
            {
                continue;
            }

            var arguments = GraphQLValues.Arguments(schema, definition.Arguments, field.Arguments, variables);
            if (field.Name is "inventorySetQuantities" or "inventoryAdjustQuantities" && IsAtLeast(version, "2026-04"))
            {
                // From 2026-04 the directive is required on inventory mutations; without it nothing runs.
                if (IdempotencyKey(field, variables) is null)
                {
                    return GraphQLError.At("The @idempotent directive is required for this mutation.", field.Location, [field.ResponseKey], "BAD_REQUEST");
                }

                // So is changeFromQuantity on every line: leaving it out fails before anything runs; only an explicit null skips the check.
                var (list, type) = field.Name == "inventorySetQuantities" ? ("quantities", "InventorySetQuantitiesInput") : ("changes", "InventoryAdjustQuantitiesInput");
                var lines = (arguments.GetValueOrDefault("input") as JsonObject)?[list] as JsonArray ?? [];
                for (var i = 0; i < lines.Count; i++)
                {
                    if (lines[i] is JsonObject entry && !entry.ContainsKey("changeFromQuantity"))
                    {
                        return GraphQLError.At(
                            string.Create(CultureInfo.InvariantCulture, $"Variable $input of type {type}! was provided invalid value for {list}.{i}.changeFromQuantity (Expected value to be present; pass null to skip the check)"),
                            field.Location,
                            null,
                            "INVALID_VARIABLE");
                    }
                }
            }

            if (schema.Type(definition.Type.NamedType) is { IsConnection: true })
            {
                foreach (var name in (string[])["first", "last"])
                {
                    if (arguments.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<int>(out var count) && count is not (> 0 and <= MaxPageSize))
                    {
                        return GraphQLError.At($"The '{name}' argument of '{field.Name}' must be between 1 and {MaxPageSize}.", field.Location, [field.ResponseKey], "BAD_REQUEST");
                    }
                }
            }
        }

        return null;
    }

    private static string? IdempotencyKey(GraphQLField field, IReadOnlyDictionary<string, JsonNode?> variables) =>
        field.Directives.FirstOrDefault(d => d.Name == "idempotent")?.Arguments.FirstOrDefault(a => a.Name == "key") is { } key
        && GraphQLValues.Resolve(key.Value, variables) is JsonValue v && v.TryGetValue<string>(out var text)
            ? text
            : null;

    // A mutation with @idempotent(key:): the same key with the same arguments answers as the first time and changes
    // nothing; with other arguments it is Shopify's IDEMPOTENCY_KEY_PARAMETER_MISMATCH.
    private JsonObject Idempotent(GraphQLResolveContext context, Func<GraphQLResolveContext, JsonObject> mutation)
    {
        var key = IdempotencyKey(context.Field, context.Variables);
        var fingerprint = new JsonObject(context.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => KeyValuePair.Create(a.Key, a.Value?.DeepClone()))).ToJsonString();
        var slot = $"{context.Field.Name}\n{key}";
        if (key is not null && _idempotent.TryGetValue(slot, out var earlier))
        {
            return earlier.Fingerprint == fingerprint
                ? (JsonObject)earlier.Result.DeepClone()
                : new JsonObject
                {
                    ["inventoryAdjustmentGroup"] = null,
                    ["userErrors"] = new JsonArray(UserError("The same idempotency key cannot be used with different operation parameters.", "IDEMPOTENCY_KEY_PARAMETER_MISMATCH", "input")),
                };
        }

        var result = mutation(context);
        if (key is not null)
        {
            _idempotent[slot] = (fingerprint, (JsonObject)result.DeepClone());
        }

        return result;
    }

    private static FakeResponse Errors(IEnumerable<GraphQLError> errors) =>
        Json(200, new JsonObject { ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)e.ToJson())]) });

    private JsonObject Cost(int requested, int? actual) => new()
    {
        ["cost"] = new JsonObject
        {
            ["requestedQueryCost"] = requested,
            ["actualQueryCost"] = actual,
            ["throttleStatus"] = new JsonObject
            {
                ["maximumAvailable"] = Throttle.MaximumAvailable,
                ["currentlyAvailable"] = (int)Math.Floor(_bucket.Available),
                ["restoreRate"] = Throttle.RestoreRate,
            },
        },
    };
}
