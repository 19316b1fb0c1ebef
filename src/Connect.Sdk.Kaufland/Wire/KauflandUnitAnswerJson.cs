namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The answer of <c>GET</c> or <c>PATCH /units/{id_unit}</c>: the unit in the <c>data</c> envelope.</summary>
/// <param name="Data">The unit as Kaufland holds it now.</param>
internal sealed record KauflandUnitAnswerJson(KauflandUnitJson Data);
