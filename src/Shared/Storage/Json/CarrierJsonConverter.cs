using Connect.Sdk.Shipments;

namespace Connect.Sdk.Storage.Relational.Json;

/// <summary>Stores a <see cref="Carrier"/> as its name, e.g. <c>"DHL"</c>; carriers the ERP made up survive too.</summary>
internal sealed class CarrierJsonConverter : StringValueJsonConverter<Carrier>
{
    protected override Carrier Create(string value) => new(value);

    protected override string ToStored(Carrier value) => value.Value;
}
