namespace Connect.Sdk.DependencyInjection;

/// <summary>A service the host must supply, and how to supply it; used to fail start-up with a clear message.</summary>
internal sealed record HostServiceRequirement(Type ServiceType, string Purpose, string HowToSupply)
{
    public override string ToString() => $"{ServiceType.Name} ({Purpose}): {HowToSupply}";
}
