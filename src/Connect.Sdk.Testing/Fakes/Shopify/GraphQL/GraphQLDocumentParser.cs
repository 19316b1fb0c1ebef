using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// Parses an executable GraphQL document (operations and fragments) by the GraphQL specification's grammar. A
/// document that breaks it fails with the parse error graphql-ruby, Shopify's engine, reports:
/// <c>Parse error on "}" (RCURLY) at [1, 9]</c>.
/// </summary>
internal sealed class GraphQLDocumentParser
{
    private readonly List<GraphQLToken> _tokens;
    private int _at;

    private GraphQLDocumentParser(List<GraphQLToken> tokens) => _tokens = tokens;

    private GraphQLToken Current => _tokens[_at];

    /// <summary>Parses a document.</summary>
    /// <exception cref="GraphQLSyntaxException">The document is not GraphQL, or has no operation.</exception>
    public static GraphQLDocument Parse(string text)
    {
        var parser = new GraphQLDocumentParser(GraphQLLexer.Tokenize(text));
        return parser.Document();
    }

    private GraphQLDocument Document()
    {
        var operations = new List<GraphQLOperation>();
        var fragments = new Dictionary<string, GraphQLFragment>(StringComparer.Ordinal);
        if (Current.Kind == GraphQLTokenKind.EndOfDocument)
        {
            throw new GraphQLSyntaxException("Unexpected end of document", 1, 1);
        }

        while (Current.Kind != GraphQLTokenKind.EndOfDocument)
        {
            if (Current.Is("{"))
            {
                var location = LocationOf(Current);
                operations.Add(new GraphQLOperation("query", null, [], [], SelectionSet(), location));
            }
            else if (Current.Kind == GraphQLTokenKind.Name && Current.Text is "query" or "mutation" or "subscription")
            {
                operations.Add(Operation());
            }
            else if (Current.Kind == GraphQLTokenKind.Name && Current.Text == "fragment")
            {
                var fragment = Fragment();
                if (!fragments.TryAdd(fragment.Name, fragment))
                {
                    throw new GraphQLSyntaxException($"Fragment name \"{fragment.Name}\" must be unique", fragment.Location.Line, fragment.Location.Column);
                }
            }
            else
            {
                throw Unexpected();
            }
        }

        return new GraphQLDocument(operations, fragments);
    }

    private GraphQLOperation Operation()
    {
        var start = Take();
        string? name = Current.Kind == GraphQLTokenKind.Name ? Take().Text : null;
        var variables = new List<GraphQLVariableDefinition>();
        if (Current.Is("("))
        {
            Take();
            do
            {
                variables.Add(VariableDefinition());
            }
            while (!Current.Is(")"));
            Take();
        }

        var directives = Directives();
        return new GraphQLOperation(start.Text, name, variables, directives, SelectionSet(), LocationOf(start));
    }

    private GraphQLVariableDefinition VariableDefinition()
    {
        var dollar = Expect("$");
        var name = Name();
        Expect(":");
        var type = TypeReference();
        GraphQLValue? defaultValue = null;
        if (Current.Is("="))
        {
            Take();
            defaultValue = Value(isConstant: true);
        }

        Directives();
        return new GraphQLVariableDefinition(name, type, defaultValue, LocationOf(dollar));
    }

    private GraphQLTypeReference TypeReference()
    {
        GraphQLTypeReference type;
        if (Current.Is("["))
        {
            Take();
            var element = TypeReference();
            Expect("]");
            type = GraphQLTypeReference.ListOf(element);
        }
        else
        {
            type = GraphQLTypeReference.Named(Name());
        }

        if (Current.Is("!"))
        {
            Take();
            type = type with { IsNonNull = true };
        }

        return type;
    }

    private GraphQLFragment Fragment()
    {
        var start = Take();
        var name = Name();
        if (name == "on")
        {
            throw Unexpected(_tokens[_at - 1]);
        }

        if (Current.Kind != GraphQLTokenKind.Name || Current.Text != "on")
        {
            throw Unexpected();
        }

        Take();
        var type = Name();
        return new GraphQLFragment(name, type, Directives(), SelectionSet(), LocationOf(start));
    }

    private List<GraphQLSelection> SelectionSet()
    {
        Expect("{");
        var selections = new List<GraphQLSelection>();
        do
        {
            selections.Add(Selection());
        }
        while (!Current.Is("}"));
        Take();
        return selections;
    }

    private GraphQLSelection Selection()
    {
        if (Current.Is("..."))
        {
            var dots = Take();
            if (Current.Kind == GraphQLTokenKind.Name && Current.Text != "on")
            {
                var name = Take().Text;
                return new GraphQLFragmentSpread(name, Directives(), LocationOf(dots));
            }

            string? typeCondition = null;
            if (Current.Kind == GraphQLTokenKind.Name)
            {
                Take();
                typeCondition = Name();
            }

            var directives = Directives();
            return new GraphQLInlineFragment(typeCondition, directives, SelectionSet(), LocationOf(dots));
        }

        var first = Current;
        var fieldName = Name();
        string? alias = null;
        if (Current.Is(":"))
        {
            Take();
            alias = fieldName;
            fieldName = Name();
        }

        var arguments = Current.Is("(") ? Arguments(isConstant: false) : [];
        var fieldDirectives = Directives();
        var selections = Current.Is("{") ? SelectionSet() : [];
        return new GraphQLField(alias, fieldName, arguments, fieldDirectives, selections, LocationOf(first));
    }

    private List<GraphQLArgument> Arguments(bool isConstant)
    {
        Expect("(");
        var arguments = new List<GraphQLArgument>();
        do
        {
            var start = Current;
            var name = Name();
            Expect(":");
            arguments.Add(new GraphQLArgument(name, Value(isConstant), LocationOf(start)));
        }
        while (!Current.Is(")"));
        Take();
        return arguments;
    }

    private List<GraphQLDirective> Directives()
    {
        var directives = new List<GraphQLDirective>();
        while (Current.Is("@"))
        {
            var at = Take();
            var name = Name();
            directives.Add(new GraphQLDirective(name, Current.Is("(") ? Arguments(isConstant: false) : [], LocationOf(at)));
        }

        return directives;
    }

    private GraphQLValue Value(bool isConstant)
    {
        var token = Current;
        var location = LocationOf(token);
        switch (token.Kind)
        {
            case GraphQLTokenKind.Punctuator when token.Text == "$" && !isConstant:
                Take();
                return new GraphQLVariableValue(Name(), location);
            case GraphQLTokenKind.Punctuator when token.Text == "[":
                Take();
                var items = new List<GraphQLValue>();
                while (!Current.Is("]"))
                {
                    items.Add(Value(isConstant));
                }

                Take();
                return new GraphQLListValue(items, location);
            case GraphQLTokenKind.Punctuator when token.Text == "{":
                Take();
                var fields = new List<GraphQLArgument>();
                while (!Current.Is("}"))
                {
                    var start = Current;
                    var name = Name();
                    Expect(":");
                    fields.Add(new GraphQLArgument(name, Value(isConstant), LocationOf(start)));
                }

                Take();
                return new GraphQLObjectValue(fields, location);
            case GraphQLTokenKind.Int:
                Take();
                return new GraphQLLiteral(JsonNode.Parse(token.Text), false, token.Text, location);
            case GraphQLTokenKind.Float:
                Take();
                return new GraphQLLiteral(JsonNode.Parse(token.Text), false, token.Text, location);
            case GraphQLTokenKind.String:
                Take();
                return new GraphQLLiteral(JsonValue.Create(token.Text), false, $"\"{token.Text}\"", location);
            case GraphQLTokenKind.Name:
                Take();
                return token.Text switch
                {
                    "true" => new GraphQLLiteral(JsonValue.Create(true), false, token.Text, location),
                    "false" => new GraphQLLiteral(JsonValue.Create(false), false, token.Text, location),
                    "null" => new GraphQLLiteral(null, false, token.Text, location),
                    _ => new GraphQLLiteral(JsonValue.Create(token.Text), true, token.Text, location),
                };
            default:
                throw Unexpected();
        }
    }

    private string Name() => Current.Kind == GraphQLTokenKind.Name ? Take().Text : throw Unexpected();

    private GraphQLToken Expect(string punctuator) => Current.Is(punctuator) ? Take() : throw Unexpected();

    private GraphQLToken Take() => _tokens[_at++];

    private GraphQLSyntaxException Unexpected() => Unexpected(Current);

    private static GraphQLSyntaxException Unexpected(GraphQLToken token) => token.Kind == GraphQLTokenKind.EndOfDocument
        ? new GraphQLSyntaxException("Unexpected end of document", token.Line, token.Column)
        : new GraphQLSyntaxException($"Parse error on {token.Describe()} at [{token.Line}, {token.Column}]", token.Line, token.Column);

    private static GraphQLLocation LocationOf(GraphQLToken token) => new(token.Line, token.Column);
}
