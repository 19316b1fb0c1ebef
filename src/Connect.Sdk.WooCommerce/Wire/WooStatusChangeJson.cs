namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>The body of <c>PUT /orders/{id}</c> that changes only the status.</summary>
/// <param name="Status">The new status, e.g. <c>completed</c>.</param>
internal sealed record WooStatusChangeJson(string Status);
