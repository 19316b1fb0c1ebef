namespace Connect.Sdk.Settings;

/// <summary>A setting whose value is wrong: its key and what to enter instead, never a secret and never the whole value.</summary>
/// <param name="Key">The setting's key, e.g. <c>requestsPerSecond</c>.</param>
/// <param name="Message">What is wrong and what to enter instead, naming the setting.</param>
public sealed record SettingProblem(string Key, string Message);
