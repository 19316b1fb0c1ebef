using System.Text.Json;

namespace Connect.Sdk.Shopware.Wire;

/// <summary>An order search's answer, the orders raw so one unreadable order fails alone.</summary>
internal sealed record OrderSearchJson(int Total, IReadOnlyList<JsonElement> Data);
