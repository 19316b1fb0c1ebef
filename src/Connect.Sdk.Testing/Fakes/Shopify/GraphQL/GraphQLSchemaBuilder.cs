namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// Describes a schema in a few lines per type: <c>Object("Shop", t =&gt; t.Field("id", "ID!"))</c>. Types are written as
/// in SDL (<c>[LineItem!]!</c>); arguments as <c>"first: Int, after: String"</c>.
/// </summary>
internal sealed class GraphQLSchemaBuilder
{
    private readonly Dictionary<string, GraphQLNamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, GraphQLInputField>> _directives = new(StringComparer.Ordinal);

    public GraphQLSchemaBuilder()
    {
        foreach (var scalar in (string[])["ID", "String", "Int", "Float", "Boolean"])
        {
            Scalar(scalar);
        }

        Directive("include", "if: Boolean!");
        Directive("skip", "if: Boolean!");
    }

    public GraphQLSchemaBuilder Scalar(string name)
    {
        _types[name] = new GraphQLNamedType(name, GraphQLTypeKind.Scalar);
        return this;
    }

    public GraphQLSchemaBuilder Enum(string name, params string[] values)
    {
        var type = new GraphQLNamedType(name, GraphQLTypeKind.Enum);
        type.EnumValues.UnionWith(values);
        _types[name] = type;
        return this;
    }

    public GraphQLSchemaBuilder Directive(string name, string arguments)
    {
        _directives[name] = Arguments(arguments);
        return this;
    }

    public GraphQLSchemaBuilder Object(string name, Action<ObjectTypeBuilder> fields)
    {
        var type = new GraphQLNamedType(name, GraphQLTypeKind.Object);
        fields(new ObjectTypeBuilder(type));
        _types[name] = type;
        return this;
    }

    /// <summary>A Relay connection <c>{Node}Connection</c> with its <c>{Node}Edge</c> (and the shared <c>PageInfo</c>).</summary>
    public GraphQLSchemaBuilder Connection(string node)
    {
        if (!_types.ContainsKey("PageInfo"))
        {
            Object("PageInfo", t => t.Field("hasNextPage", "Boolean!").Field("hasPreviousPage", "Boolean!").Field("startCursor", "String").Field("endCursor", "String"));
        }

        Object(node + "Edge", t => t.Field("cursor", "String!").Field("node", node + "!"));
        return Object(node + "Connection", t => t.Field("edges", $"[{node}Edge!]!").Field("nodes", $"[{node}!]!").Field("pageInfo", "PageInfo!"));
    }

    public GraphQLSchemaBuilder Input(string name, string fields)
    {
        var type = new GraphQLNamedType(name, GraphQLTypeKind.InputObject);
        foreach (var (field, definition) in Arguments(fields))
        {
            type.InputFields[field] = definition;
        }

        _types[name] = type;
        return this;
    }

    public GraphQLSchema Build(string queryType, string mutationType)
    {
        foreach (var type in _types.Values)
        {
            var referenced = type.Fields.Values.SelectMany(f => f.Arguments.Values.Select(a => a.Type).Append(f.Type)).Concat(type.InputFields.Values.Select(f => f.Type));
            if (referenced.FirstOrDefault(t => !_types.ContainsKey(t.NamedType)) is { } missing)
            {
                throw new InvalidOperationException($"Type {type.Name} refers to {missing.NamedType}, which the schema does not define.");
            }
        }

        return new GraphQLSchema(_types, queryType, mutationType, _directives);
    }

    /// <summary>Reads SDL arguments, <c>"first: Int, after: String, reverse: Boolean = false"</c>.</summary>
    public static Dictionary<string, GraphQLInputField> Arguments(string text)
    {
        var arguments = new Dictionary<string, GraphQLInputField>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return arguments;
        }

        var document = GraphQLDocumentParser.Parse($"query({string.Join(' ', text.Split(',').Select(a => "$" + a.Trim()))}) {{ x }}");
        foreach (var variable in document.Operations[0].Variables)
        {
            var value = variable.DefaultValue is GraphQLLiteral literal ? literal.Value : null;
            arguments[variable.Name] = new GraphQLInputField(variable.Name, variable.Type, value);
        }

        return arguments;
    }

    public static GraphQLTypeReference TypeOf(string text) => GraphQLDocumentParser.Parse($"query($x: {text}) {{ x }}").Operations[0].Variables[0].Type;

    /// <summary>Adds the fields of one object type.</summary>
    internal sealed class ObjectTypeBuilder(GraphQLNamedType type)
    {
        public ObjectTypeBuilder Field(string name, string type1, string arguments = "", GraphQLResolver? resolver = null)
        {
            type.Fields[name] = new GraphQLFieldDefinition(name, TypeOf(type1), Arguments(arguments), resolver);
            return this;
        }

        /// <summary>A connection field with Relay's paging arguments (and any others).</summary>
        public ObjectTypeBuilder Connection(string name, string node, string arguments = "", GraphQLResolver? resolver = null)
        {
            var paging = "first: Int, after: String, last: Int, before: String, reverse: Boolean = false" + (arguments.Length > 0 ? ", " + arguments : string.Empty);
            return Field(name, node + "Connection!", paging, resolver);
        }

    }
}
