using System.Text.Json;

namespace Connect.Sdk.Shopware.Wire;

/// <summary>An order delivery.</summary>
internal sealed record DeliveryJson(string Id, IReadOnlyList<string>? TrackingCodes, StateJson? StateMachineState, AddressJson? ShippingOrderAddress, JsonElement? CustomFields);
