namespace Connect.Sdk.Shopware.Wire;

/// <summary>One operation of a sync request.</summary>
internal sealed record SyncOperationJson(string Entity, string Action, IReadOnlyList<ProductWriteJson> Payload);
