namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>An order note as <c>GET /orders/{id}/notes</c> lists it.</summary>
/// <param name="Id">The note id.</param>
/// <param name="Note">The text.</param>
/// <param name="CustomerNote">Whether the buyer sees it.</param>
internal sealed record WooNoteJson(long Id, string Note, bool CustomerNote = false);
