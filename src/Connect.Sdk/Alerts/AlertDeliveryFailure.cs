namespace Connect.Sdk.Alerts;

/// <summary>A notification the host's alert sink did not take; its incidents are delivered on a later dispatch.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Connection">The connection the notification was about.</param>
/// <param name="Incidents">How many incidents it held.</param>
/// <param name="Reason">The sink's exception type and message.</param>
public sealed record AlertDeliveryFailure(string SubscriptionId, ConnectionId Connection, int Incidents, string Reason);
