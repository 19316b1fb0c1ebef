namespace Connect.Sdk;

/// <summary>
/// An ISO 4217 alphabetic currency code such as <c>EUR</c> or <c>USD</c>.
/// </summary>
/// <remarks>
/// Marketplaces send codes in upper case; the constructor accepts any case and normalises it, and it
/// rejects anything that is not three ASCII letters so a malformed payload fails at the edge.
/// </remarks>
public readonly record struct CurrencyCode
{
    /// <summary>The euro.</summary>
    public static CurrencyCode Eur { get; } = new("EUR");

    /// <summary>The US dollar.</summary>
    public static CurrencyCode Usd { get; } = new("USD");

    /// <summary>The pound sterling.</summary>
    public static CurrencyCode Gbp { get; } = new("GBP");

    /// <summary>The Swiss franc.</summary>
    public static CurrencyCode Chf { get; } = new("CHF");

    private readonly string? _value;

    /// <summary>Creates a currency code from its three-letter ISO 4217 form.</summary>
    /// <param name="value">Three ASCII letters, in any case.</param>
    /// <exception cref="ArgumentException">The value is not three ASCII letters.</exception>
    public CurrencyCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsThreeLetters(value))
        {
            throw new ArgumentException($"'{value}' is not an ISO 4217 currency code (three letters such as EUR).", nameof(value));
        }

        _value = value.ToUpperInvariant();
    }

    /// <summary>
    /// Reads a currency code from a marketplace's field without throwing, so the adapter can name its own field in
    /// the message a user reads instead of passing on the constructor's parameter name.
    /// </summary>
    /// <param name="text">The field's text; <see langword="null"/> is not a code.</param>
    /// <param name="code">The code, upper case, when the text is three ASCII letters in any case; otherwise default.</param>
    /// <returns>Whether the text is a currency code.</returns>
    public static bool TryParse(string? text, out CurrencyCode code)
    {
        if (text is null || !IsThreeLetters(text))
        {
            code = default;
            return false;
        }

        code = new CurrencyCode(text);
        return true;
    }

    /// <summary>The upper-case three-letter code.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The currency code was default-initialised.");

    /// <summary>
    /// The decimal places of the currency's minor unit by ISO 4217: 2 for most (cents), 0 for the yen, the won and
    /// the other currencies without a minor unit, 3 for the Gulf dinars and rials.
    /// </summary>
    public int MinorUnitDecimals => Value switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF" or "UGX" or "UYI" or "VND" or "VUV" or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        "CLF" or "UYW" => 4,
        _ => 2,
    };

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;

    private static bool IsThreeLetters(string text) => text.Length == 3 && text.All(char.IsAsciiLetter);
}
