namespace Connect.Sdk.Shopware.Wire;

/// <summary>The parameters of an illegal transition.</summary>
internal sealed record ErrorParametersJson(string? CurrentState, IReadOnlyList<string>? PossibleTransitions);
