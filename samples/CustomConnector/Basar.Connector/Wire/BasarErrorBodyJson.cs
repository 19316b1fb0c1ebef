namespace Basar.Connector.Wire;

/// <summary>The body of every Basar error answer: <c>{"error": {"code": …, "message": …}}</c>.</summary>
internal sealed record BasarErrorBodyJson(BasarErrorJson? Error);
