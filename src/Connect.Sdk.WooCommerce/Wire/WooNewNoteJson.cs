namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>The body of <c>POST /orders/{id}/notes</c>.</summary>
/// <param name="Note">The text.</param>
/// <param name="CustomerNote"><see langword="true"/>: the buyer sees the note and is e-mailed about it.</param>
internal sealed record WooNewNoteJson(string Note, bool CustomerNote);
