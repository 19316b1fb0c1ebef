namespace Connect.Sdk.Testing.Fakes;

/// <summary>An article's price as a fake marketplace holds it, read back in the SDK's terms.</summary>
/// <param name="Price">The selling price.</param>
/// <param name="CompareAtPrice">The price shown struck through beside it; <see langword="null"/> when none is shown.</param>
public sealed record FakePrice(Money Price, Money? CompareAtPrice);
