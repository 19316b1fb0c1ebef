using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Storage.Relational.Json;

/// <summary>Stores a <see cref="ForeignNumberLabel"/> as its name in the case it was created with, e.g. <c>"SKU"</c>.</summary>
internal sealed class ForeignNumberLabelJsonConverter : StringValueJsonConverter<ForeignNumberLabel>
{
    protected override ForeignNumberLabel Create(string value) => new(value);

    protected override string ToStored(ForeignNumberLabel value) => value.Value;
}
