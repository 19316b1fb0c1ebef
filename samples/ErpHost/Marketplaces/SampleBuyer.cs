using Connect.Sdk.Orders;

namespace ErpHost.Marketplaces;

/// <summary>
/// Who places the sample's orders: where the parcel goes and, where the marketplace passes them on, the billing address
/// and e-mail. Amazon and eBay keep the buyer's billing address and e-mail to themselves (<see cref="ShippingOnly"/>).
/// </summary>
internal sealed record SampleBuyer(Address ShippingAddress, Address? BillingAddress, string? Email)
{
    /// <summary>Erika Mustermann in Köln.</summary>
    public static SampleBuyer Erika { get; } = Billed(new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" }, "kundin@example.com");

    /// <summary>Max Mustermann in Hamburg.</summary>
    public static SampleBuyer Max { get; } = Billed(new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" }, "kunde@example.com");

    /// <summary>The buyer as a marketplace that passes on only the address to ship to sees them.</summary>
    public SampleBuyer ShippingOnly => this with { BillingAddress = null, Email = null };

    private static SampleBuyer Billed(Address address, string email) => new(address, address, email);
}
