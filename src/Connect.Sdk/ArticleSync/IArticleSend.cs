using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.ArticleSync;

/// <summary>One article's value (its stock, its price) a run has decided to publish, with the explanation for its journal entry.</summary>
internal interface IArticleSend
{
    /// <summary>The ERP article.</summary>
    Article Article { get; }

    /// <summary>The ERP article number, the journal's record key.</summary>
    string ArticleNumber { get; }

    /// <summary>The foreign number it goes out under.</summary>
    ForeignNumber ForeignNumber { get; }

    /// <summary>The value as the journal shows it: <c>5</c> for stock, <c>23.99 EUR</c> for a price.</summary>
    string Value { get; }

    /// <summary>How the connection's rules arrived at the value.</summary>
    string Explanation { get; }

    /// <summary>The numbers a marketplace's message may quote for this record (the quantity; the price and compare-at amount), set aside when messages are compared.</summary>
    IReadOnlyList<string> QuotedNumbers { get; }
}
