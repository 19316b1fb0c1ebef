namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>A document that is not GraphQL: the message is the parse error Shopify answers with, and where it is.</summary>
internal sealed class GraphQLSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
