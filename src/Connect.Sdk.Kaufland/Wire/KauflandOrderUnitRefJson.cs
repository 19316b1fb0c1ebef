namespace Connect.Sdk.Kaufland.Wire;

/// <summary>An order unit of the changed-units list, as far as the import needs it before it reads the whole order.</summary>
/// <param name="IdOrderUnit">The order unit's id.</param>
/// <param name="IdOrder">The order it belongs to.</param>
/// <param name="TsUpdatedIso">When it last changed (ISO 8601).</param>
internal sealed record KauflandOrderUnitRefJson(long IdOrderUnit, string IdOrder, string TsUpdatedIso);
