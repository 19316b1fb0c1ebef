namespace Connect.Sdk.Storage.Relational.Json;

/// <summary>Stores a <see cref="CurrencyCode"/> as its three letters, e.g. <c>"EUR"</c>.</summary>
internal sealed class CurrencyCodeJsonConverter : StringValueJsonConverter<CurrencyCode>
{
    protected override CurrencyCode Create(string value) => new(value);

    protected override string ToStored(CurrencyCode value) => value.Value;
}
