namespace Connect.Sdk.Storage.Relational.Json;

/// <summary>Stores a <see cref="ConnectionId"/> as its string, e.g. <c>"shopify-de"</c>.</summary>
internal sealed class ConnectionIdJsonConverter : StringValueJsonConverter<ConnectionId>
{
    protected override ConnectionId Create(string value) => new(value);

    protected override string ToStored(ConnectionId value) => value.Value;
}
