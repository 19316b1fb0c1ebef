namespace Connect.Sdk.Shopify;

/// <summary>A setting that is missing or wrong: its key and what to fix, never a secret's value.</summary>
/// <param name="Key">The setting's key.</param>
/// <param name="Message">What is wrong and what to enter instead.</param>
internal sealed record SettingProblem(string Key, string Message);
