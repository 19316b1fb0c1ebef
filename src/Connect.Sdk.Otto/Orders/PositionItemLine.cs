using Connect.Sdk.Otto.Wire;

namespace Connect.Sdk.Otto.Orders;

/// <summary>One ERP line of an OTTO order: the pieces of one SKU at one price.</summary>
/// <param name="LineId">The first piece's <c>positionItemId</c>.</param>
/// <param name="Pieces">The pieces, in OTTO's order.</param>
internal sealed record PositionItemLine(string LineId, IReadOnlyList<OttoPositionItemJson> Pieces);
