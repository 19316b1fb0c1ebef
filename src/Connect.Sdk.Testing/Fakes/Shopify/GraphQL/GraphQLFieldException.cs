namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>A resolver's refusal of its field: the answer gets the error at the field's path and null for the field.</summary>
internal sealed class GraphQLFieldException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}
