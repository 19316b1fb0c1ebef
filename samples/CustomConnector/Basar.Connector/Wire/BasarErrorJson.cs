namespace Basar.Connector.Wire;

/// <summary>Basar's error: a stable machine code and a message for people.</summary>
internal sealed record BasarErrorJson(string Code, string Message);
