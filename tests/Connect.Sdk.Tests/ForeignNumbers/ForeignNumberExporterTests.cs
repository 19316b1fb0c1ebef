using System.Text;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using CsCheck;

namespace Connect.Sdk.Tests.ForeignNumbers;

public sealed class ForeignNumberExporterTests
{
    private static readonly string[] Articles =
        [ForeignNumberWorld.Simple, ForeignNumberWorld.OtherSimple, ForeignNumberWorld.Parent, ForeignNumberWorld.VariantS, ForeignNumberWorld.VariantL];

    [Fact]
    public async Task ExportCsvAsync_Mappings_WritesHeaderAndSortedQuotedLinesWithCrLf()
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(
            ConnectorId.Ebay,
            new ForeignNumberRow("M-100-S", "Bestandseinheit", "S;1"),
            new ForeignNumberRow("4711", "eBayListing", "say \"hi\""),
            new ForeignNumberRow("M-100", "eBayListing", "3"));

        var csv = await world.ExportCsvAsync(ConnectorId.Ebay);

        Assert.Equal(
            "article_number;label;foreign_number\r\n" +
            "4711;eBayListing;\"say \"\"hi\"\"\"\r\n" +
            "M-100;eBayListing;3\r\n" +
            "M-100-S;SKU;\"S;1\"\r\n",
            csv);
    }

    [Fact]
    public async Task ExportCsvAsync_CellsThatStartLikeAFormula_AreWrittenWithAnApostropheBeforeThem()
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(
            ConnectorId.Kaufland,
            new ForeignNumberRow(ForeignNumberWorld.Simple, "apiunitid", "=HYPERLINK(\"http://x\")"),
            new ForeignNumberRow(ForeignNumberWorld.OtherSimple, "apiunitid", "+49"),
            new ForeignNumberRow(ForeignNumberWorld.Parent, "apiunitid", "-5"),
            new ForeignNumberRow(ForeignNumberWorld.VariantL, "apiunitid", "@SUM(A1)"),
            new ForeignNumberRow(ForeignNumberWorld.VariantS, "apiunitid", "'quoted"));

        var csv = await world.ExportCsvAsync(ConnectorId.Kaufland);

        Assert.Equal(
            "article_number;label;foreign_number\r\n" +
            "4711;apiunitid;\"'=HYPERLINK(\"\"http://x\"\")\"\r\n" +
            "4712;apiunitid;'+49\r\n" +
            "M-100;apiunitid;'-5\r\n" +
            "M-100-L;apiunitid;'@SUM(A1)\r\n" +
            "M-100-S;apiunitid;''quoted\r\n",
            csv);
    }

    [Theory]
    [InlineData("=1+2")]
    [InlineData("'=1+2")]
    [InlineData("''")]
    [InlineData("'plain")]
    [InlineData("-5")]
    public async Task ExportThenImport_ValueThatStartsLikeAFormulaOrWithAnApostrophe_ComesBackUnchanged(string value)
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(ConnectorId.Kaufland, new ForeignNumberRow(ForeignNumberWorld.Simple, "apiunitid", value));
        var csv = await world.ExportCsvAsync(ConnectorId.Kaufland);

        var fresh = new ForeignNumberWorld();
        var report = await fresh.ImportCsvAsync(ConnectorId.Kaufland, csv);

        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
        Assert.Equal(value, Assert.Single(await fresh.ListAsync(ConnectorId.Kaufland)).ForeignNumber.Value);
    }

    [Fact]
    public async Task ExportCsvAsync_NoMappings_WritesTheHeaderOnly()
    {
        var world = new ForeignNumberWorld();

        Assert.Equal("article_number;label;foreign_number\r\n", await world.ExportCsvAsync(ConnectorId.Otto));
    }

    [Fact]
    public async Task ExportCsvAsync_Stream_IsUtf8WithByteOrderMarkAndImportsAgain()
    {
        var world = new ForeignNumberWorld();
        var connection = new ConnectionId("otto-de");
        await world.ImportAsync(ConnectorId.Otto, new ForeignNumberRow("4711", "ottosku", "Größe"));
        using var stream = new MemoryStream();

        var count = await world.Exporter.ExportCsvAsync(connection, stream, CancellationToken.None);

        Assert.Equal(1, count);
        Assert.Equal(Encoding.UTF8.GetPreamble(), stream.ToArray().Take(3));
        var fresh = new ForeignNumberWorld();
        stream.Position = 0;
        var report = await fresh.Importer.ImportCsvAsync(connection, ConnectorId.Otto, stream, CancellationToken.None);
        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
        Assert.Equal("Größe", Assert.Single(await fresh.ListAsync(ConnectorId.Otto)).ForeignNumber.Value);
    }

    [Fact]
    public async Task ExportThenImport_ArbitraryForeignNumbers_RoundTrip()
    {
        // Values from characters CSV must quote or escape, trimmed as the import trims them, made distinct per article.
        var value = Gen.Char["ab;,\" '\u00e4Z9=+-@"].Array[1, 8].Select(chars => new string(chars).Trim()).Where(v => v.Length > 0);
        var values = value.Array[1, Articles.Length];

        await values.SampleAsync(async generated =>
        {
            var world = new ForeignNumberWorld();
            var rows = generated.Select((v, i) => new ForeignNumberRow(Articles[i], "apiunitid", $"{v}#{i}")).ToArray();
            var imported = await world.ImportAsync(ConnectorId.Kaufland, rows);
            Assert.Equal(rows.Length, imported.Imported);
            var csv = await world.ExportCsvAsync(ConnectorId.Kaufland);

            var fresh = new ForeignNumberWorld();
            var report = await fresh.ImportCsvAsync(ConnectorId.Kaufland, csv);

            Assert.True(report.IsComplete, string.Join("; ", report.Issues));
            Assert.Equal(await world.ListAsync(ConnectorId.Kaufland), await fresh.ListAsync(ConnectorId.Kaufland));
            Assert.Equal(csv, await fresh.ExportCsvAsync(ConnectorId.Kaufland));
        });
    }
}
