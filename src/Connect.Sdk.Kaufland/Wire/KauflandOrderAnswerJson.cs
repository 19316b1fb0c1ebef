namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The answer of <c>GET /orders/{id_order}</c>: the order in the <c>data</c> envelope.</summary>
/// <param name="Data">The order.</param>
internal sealed record KauflandOrderAnswerJson(KauflandOrderJson Data);
