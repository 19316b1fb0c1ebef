namespace Basar.Connector.Wire;

/// <summary>The answer to <c>GET /api/v1/ping</c>: who the token belongs to.</summary>
internal sealed record BasarPingJson(string SellerId, string ShopName);
