using Connect.Sdk.ForeignNumbers;
using CsCheck;

namespace Connect.Sdk.Tests.ForeignNumbers;

public sealed class CsvLineTests
{
    // Every character the quoting rules care about, plus ordinary ones; no line breaks, which a record never holds.
    private static readonly Gen<string> Field = Gen.Frequency(
        (3, Gen.Char[";,\" \tax\u00fc"].Array[0, 10].Select(chars => new string(chars))),
        (1, Gen.String.Select(s => s.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal))));

    [Fact]
    public void FormatThenParse_ArbitraryFields_ReturnsTheSameFields()
    {
        Gen.Select(Field.Array[1, 5], Gen.OneOfConst(';', ',')).Sample((fields, delimiter) =>
        {
            var line = CsvLine.Format(fields, delimiter);

            var parsed = CsvLine.Parse(line, delimiter, out var error);

            Assert.Null(error);
            Assert.Equal(fields, parsed);
        });
    }

    [Fact]
    public void DetectDelimiter_FormattedHeaderOfArbitraryFields_FindsTheDelimiterItWasWrittenWith()
    {
        // Quoted fields may hold the other delimiter; only delimiters outside quotes count.
        Gen.Select(Field.Array[2, 5], Gen.OneOfConst(';', ',')).Sample((fields, delimiter) =>
        {
            Assert.Equal(delimiter, CsvLine.DetectDelimiter(CsvLine.Format(fields, delimiter)));
        });
    }

    [Theory]
    [InlineData("a;b;c", new[] { "a", "b", "c" })]
    [InlineData("a;;", new[] { "a", "", "" })]
    [InlineData("\"a;b\";\"\"\"\";c", new[] { "a;b", "\"", "c" })]
    [InlineData("x\"y;z", new[] { "x\"y", "z" })]
    [InlineData("\"\"", new[] { "" })]
    public void Parse_WellFormedLine_SplitsFields(string line, string[] expected)
    {
        Assert.Equal(expected, CsvLine.Parse(line, ';', out _));
    }

    [Theory]
    [InlineData("a;\"b", "the quote opened at column 3 is not closed")]
    [InlineData("\"a\"b;c", "unexpected text after the closing quote at column 4")]
    public void Parse_MalformedLine_SaysWhereItBreaks(string line, string expected)
    {
        Assert.Null(CsvLine.Parse(line, ';', out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("article_number;label;foreign_number", ';')]
    [InlineData("article_number,label,foreign_number", ',')]
    [InlineData("\"a;b\",c,d", ',')]
    [InlineData("article_number", null)]
    public void DetectDelimiter_Header_PicksTheDelimiterOutsideQuotes(string header, char? expected)
    {
        Assert.Equal(expected, CsvLine.DetectDelimiter(header));
    }
}
