namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>The kinds of token a GraphQL document is made of.</summary>
internal enum GraphQLTokenKind
{
    EndOfDocument,
    Punctuator,
    Name,
    Int,
    Float,
    String,
}

/// <summary>One token of a GraphQL document, with where it starts (1-based line and column, as error locations give it).</summary>
internal readonly record struct GraphQLToken(GraphQLTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string punctuator) => Kind == GraphQLTokenKind.Punctuator && Text == punctuator;

    /// <summary>How a parse error names the token, the way graphql-ruby (Shopify's engine) does: <c>"}" (RCURLY)</c>.</summary>
    public string Describe() => Kind switch
    {
        GraphQLTokenKind.EndOfDocument => "end of file",
        GraphQLTokenKind.Name => $"\"{Text}\" (IDENTIFIER)",
        GraphQLTokenKind.Int => $"\"{Text}\" (INT)",
        GraphQLTokenKind.Float => $"\"{Text}\" (FLOAT)",
        GraphQLTokenKind.String => $"\"{Text}\" (STRING)",
        _ => $"\"{Text}\" ({PunctuatorName(Text)})",
    };

    private static string PunctuatorName(string text) => text switch
    {
        "{" => "LCURLY",
        "}" => "RCURLY",
        "(" => "LPAREN",
        ")" => "RPAREN",
        "[" => "LBRACKET",
        "]" => "RBRACKET",
        ":" => "COLON",
        "$" => "VAR_SIGN",
        "!" => "BANG",
        "=" => "EQUALS",
        "@" => "DIR_SIGN",
        "..." => "ELLIPSIS",
        "|" => "PIPE",
        "&" => "AMP",
        _ => "UNKNOWN_CHAR",
    };
}
