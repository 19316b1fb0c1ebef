using Connect.Sdk.Features;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Lifecycle;

/// <summary>One reason a lifecycle change was refused, in words the user can act on.</summary>
/// <param name="Code">The kind of reason, for code that reacts to it.</param>
/// <param name="Message">What is wrong and what to do, e.g. "Run the connection check first: it has not passed (Failed)."</param>
public sealed record RefusalReason(RefusalCode Code, string Message)
{
    /// <summary>For <see cref="RefusalCode.MissingMandatorySettings"/>: the empty mandatory fields, per settings group.</summary>
    public IReadOnlyList<MissingSettings> MissingSettings { get; init; } = [];

    /// <summary>The feature the reason is about, when it is about one.</summary>
    public FeatureKind? Feature { get; init; }

    /// <summary>The setting key the reason is about, e.g. the unknown key.</summary>
    public string? SettingKey { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
