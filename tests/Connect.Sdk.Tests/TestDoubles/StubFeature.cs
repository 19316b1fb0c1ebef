using Connect.Sdk.Features;

namespace Connect.Sdk.Tests.TestDoubles;

internal sealed class StubFeature(FeatureKind kind) : IFeature
{
    public FeatureKind Kind { get; } = kind;
}
