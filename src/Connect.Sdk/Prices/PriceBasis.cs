namespace Connect.Sdk.Prices;

/// <summary>Whether a price includes value-added tax.</summary>
public enum PriceBasis
{
    /// <summary>Without VAT, as B2B price lists and many ERPs keep prices.</summary>
    Net,

    /// <summary>With VAT included, as consumers see prices in the EU and as most marketplaces take them.</summary>
    Gross,
}
