using System.Globalization;

namespace Connect.Sdk;

/// <summary>
/// An amount of money in one currency: a <see cref="decimal"/> amount and an ISO 4217 <see cref="CurrencyCode"/>.
/// </summary>
/// <remarks>
/// Money is never a <see cref="double"/> in the SDK. Adapters convert the marketplace's representation
/// (decimal strings, integer cents, JSON numbers) at the HTTP edge.
/// </remarks>
/// <param name="Amount">The amount in the currency's major unit (euros, not cents).</param>
/// <param name="Currency">The currency of <paramref name="Amount"/>.</param>
public readonly record struct Money(decimal Amount, CurrencyCode Currency)
{
    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>An amount of zero.</returns>
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Multiplies an amount by a quantity, for example a unit price by the quantity ordered.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The product, in the same currency.</returns>
    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    public Money Subtract(Money other) => this - other;

    /// <summary>Multiplies the amount by a factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The product.</returns>
    public Money Multiply(decimal factor) => this * factor;

    /// <summary>
    /// Rounds the amount to the currency's minor unit (cents for the euro, whole yen), half away from zero, as
    /// marketplaces state line totals and order totals.
    /// </summary>
    /// <returns>The rounded amount, in the same currency.</returns>
    public Money RoundToMinorUnit() => new(decimal.Round(Amount, Currency.MinorUnitDecimals, MidpointRounding.AwayFromZero), Currency);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new InvalidOperationException($"Cannot combine {left.Currency} and {right.Currency} amounts.");
        }
    }
}
