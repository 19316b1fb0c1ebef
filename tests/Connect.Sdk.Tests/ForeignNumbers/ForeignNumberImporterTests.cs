using System.Text;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;

namespace Connect.Sdk.Tests.ForeignNumbers;

public sealed class ForeignNumberImporterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string, string, string, string, ForeignNumberIssueKind, string?, string> InvalidRows { get; } = new()
    {
        { "shopify", "4711", "shopifyvariantid", "1", ForeignNumberIssueKind.LabelNotForArticleKind, "label",
            "line 2: article 4711: label 'shopifyvariantid' is for variants, but 4711 is a simple article; use shopifyproductid" },
        { "shopify", "M-100", "shopifyvariantid", "1", ForeignNumberIssueKind.LabelNotForArticleKind, "label",
            "line 2: article M-100: label 'shopifyvariantid' is for variants, but M-100 is a matrix parent; use shopifyproductid" },
        { "shopify", "M-100-S", "shopifyproductid", "1", ForeignNumberIssueKind.LabelNotForArticleKind, "label",
            "line 2: article M-100-S: label 'shopifyproductid' is for simple articles and matrix parents, but M-100-S is a variant; use shopifyvariantid" },
        { "ebay", "4711", "Bestandseinheit", "1", ForeignNumberIssueKind.LabelNotForArticleKind, "label",
            "line 2: article 4711: label 'SKU' is for variants, but 4711 is a simple article; use eBayListing" },
        { "shopify", "4711", "SKU", "1", ForeignNumberIssueKind.UnknownLabel, "label",
            "line 2: article 4711: label 'SKU' is not used by shopify (connection shopify-de); allowed: shopifyproductid, shopifyvariantid" },
        { "shopify", "", "shopifyproductid", "1", ForeignNumberIssueKind.EmptyArticleNumber, "article_number",
            "line 2: the article number is empty" },
        { "shopify", "9999", "shopifyproductid", "1", ForeignNumberIssueKind.UnknownArticle, "article_number",
            "line 2: article 9999: the ERP has no article 9999" },
        { "kaufland", "4711", "", "1", ForeignNumberIssueKind.EmptyLabel, "label",
            "line 2: article 4711: the label is empty; kaufland uses apiunitid" },
        { "kaufland", "4711", "apiunitid", "  ", ForeignNumberIssueKind.EmptyForeignNumber, "foreign_number",
            "line 2: article 4711: the foreign number is empty" },
        { "kaufland", "4711", "apiunitid", "A\tB", ForeignNumberIssueKind.InvalidForeignNumber, "foreign_number",
            "line 2: article 4711: the foreign number holds a line break or another control character" },
        { "shopware", "4711", "SKU", "SW-4711", ForeignNumberIssueKind.IdentityRule, "foreign_number",
            "line 2: article 4711: connector 'shopware' uses no foreign numbers: the ERP article number must equal the Shopware product number" },
        { "zalando", "4711", "SKU", "1", ForeignNumberIssueKind.UnknownConnector, null,
            "connector 'zalando' of connection zalando-de has no foreign-number rules; add them to ForeignNumberRules with With or WithIdentity" },
    };

    [Fact]
    public void Constructors_EveryPublicOne_TakesTheJournal()
    {
        var constructors = typeof(ForeignNumberImporter).GetConstructors();

        Assert.NotEmpty(constructors);
        Assert.All(constructors, c => Assert.Contains(c.GetParameters(), p => p.ParameterType == typeof(SyncJournal)));
    }

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public async Task ImportAsync_InvalidRow_IsReportedWithLineAndReasonAndNotWritten(
        string connector, string article, string label, string value, ForeignNumberIssueKind kind, string? field, string expected)
    {
        var world = new ForeignNumberWorld();
        var id = new ConnectorId(connector);

        var report = await world.ImportAsync(id, new ForeignNumberRow(article, label, value, LineNumber: 2));

        Assert.Equal(0, report.Imported);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(kind, issue.Kind);
        Assert.Equal(field, issue.Field);
        Assert.Equal(expected, issue.ToString());
        Assert.Empty(await world.ListAsync(id));
    }

    [Fact]
    public async Task ImportAsync_RowWithSeveralFaults_ReportsEachOfThem()
    {
        var world = new ForeignNumberWorld();

        var report = await world.ImportAsync(ConnectorId.Shopify, new ForeignNumberRow("9999", "nolabel", ""));

        Assert.Equal(
            [ForeignNumberIssueKind.UnknownArticle, ForeignNumberIssueKind.UnknownLabel, ForeignNumberIssueKind.EmptyForeignNumber],
            report.Issues.Select(i => i.Kind));
    }

    [Fact]
    public async Task ImportCsvAsync_GoodAndBadRows_ImportsTheGoodOnesAndReportsEachBadOneByLine()
    {
        var world = new ForeignNumberWorld();
        var csv = string.Join("\n",
            "article_number;label;foreign_number",     // 1
            "4711;shopifyproductid;1001",              // 2 ok
            "M-100-S;shopifyvariantid;2001",           // 3 ok
            "4711;shopifyvariantid;2002",              // 4 variant label on simple article
            "",                                        // 5 blank: skipped
            "9999;shopifyproductid;1002",              // 6 unknown article
            "M-100-L;shopifyvariantid",                // 7 too few fields
            "M-100-L;shopifyvariantid;\"2003",         // 8 unclosed quote
            "4712;shopifyproductid;1001",              // 9 1001 already given to 4711 on line 2
            "M-100-S;SHOPIFYVARIANTID;2004",           // 10 label given twice for M-100-S
            "M-100;shopifyproductid;\"30;01\"",        // 11 ok, quoted delimiter
            "4712;amazon;1",                           // 12 unknown label
            "",
            "");

        var report = await world.ImportCsvAsync(ConnectorId.Shopify, csv);

        Assert.Equal(3, report.Imported);
        Assert.Equal(10, report.RowsRead);
        Assert.Equal([4, 6, 7, 8, 9, 10, 12], report.Issues.Select(i => i.LineNumber!.Value));
        Assert.Equal(
            [
                ForeignNumberIssueKind.LabelNotForArticleKind, ForeignNumberIssueKind.UnknownArticle, ForeignNumberIssueKind.MalformedLine,
                ForeignNumberIssueKind.MalformedLine, ForeignNumberIssueKind.DuplicateForeignNumber, ForeignNumberIssueKind.DuplicateLabelForArticle,
                ForeignNumberIssueKind.UnknownLabel,
            ],
            report.Issues.Select(i => i.Kind));
        Assert.Equal("line 7: article M-100-L: expected 3 fields separated by ';', found 2; quote fields that contain ';'", report.Issues[2].ToString());
        Assert.Equal("line 8: the line cannot be read: the quote opened at column 26 is not closed", report.Issues[3].ToString());
        Assert.Equal("line 9: article 4712: shopifyproductid '1001' is also given to article 4711 (first on line 2); a foreign number identifies one article", report.Issues[4].ToString());
        Assert.Equal("line 10: article M-100-S: label 'shopifyvariantid' is given twice for article M-100-S (first on line 3)", report.Issues[5].ToString());
        Assert.Equal(
            ["4711 shopifyproductid 1001", "M-100 shopifyproductid 30;01", "M-100-S shopifyvariantid 2001"],
            (await world.ListAsync(ConnectorId.Shopify)).Select(m => $"{m.ArticleNumber} {m.ForeignNumber}"));
    }

    [Fact]
    public async Task ImportCsvAsync_CommaDelimitedCrLfHeaderInOtherCaseAndOrder_IsRead()
    {
        var world = new ForeignNumberWorld();
        var csv = "Foreign_Number,LABEL,Article_Number\r\n\"40,1\",shopifyvariantid,M-100-S\r\n\"say \"\"hi\"\"\",shopifyvariantid,M-100-L\r\n\r\n";

        var report = await world.ImportCsvAsync(ConnectorId.Shopify, csv);

        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
        Assert.Equal(
            ["M-100-L say \"hi\"", "M-100-S 40,1"],
            (await world.ListAsync(ConnectorId.Shopify)).Select(m => $"{m.ArticleNumber} {m.ForeignNumber.Value}"));
    }

    [Fact]
    public async Task ImportCsvAsync_ExtraColumn_IsIgnoredButCountsForTheFieldCount()
    {
        var world = new ForeignNumberWorld();

        var report = await world.ImportCsvAsync(ConnectorId.Otto, "article_number;comment;label;foreign_number\n4711;mug;ottosku;O-1\n4712;ottosku;O-2");

        Assert.Equal(1, report.Imported);
        Assert.Equal((3, ForeignNumberIssueKind.MalformedLine), (report.Issues.Single().LineNumber, report.Issues.Single().Kind));
        Assert.Equal("O-1", Assert.Single(await world.ListAsync(ConnectorId.Otto)).ForeignNumber.Value);
    }

    [Fact]
    public async Task ImportCsvAsync_StreamWithByteOrderMark_IsRead()
    {
        var world = new ForeignNumberWorld();
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("article_number;label;foreign_number\nM-100-S;Bestandseinheit;Größe-S\n"))
            .ToArray();

        var report = await world.Importer.ImportCsvAsync(new ConnectionId("ebay-de"), ConnectorId.Ebay, new MemoryStream(bytes), None);

        Assert.Equal(1, report.Imported);
        var mapping = Assert.Single(await world.ListAsync(ConnectorId.Ebay));
        Assert.Equal(new ForeignNumber(ForeignNumberLabel.Sku, "Größe-S"), mapping.ForeignNumber);
        Assert.Equal("SKU", mapping.ForeignNumber.Label.Value);
    }

    [Fact]
    public async Task ImportCsvAsync_GermanHeaderOfTheImportCentre_IsRead()
    {
        var world = new ForeignNumberWorld();

        var report = await world.ImportCsvAsync(ConnectorId.Otto, "Fremdnummer;ARTIKELNUMMER;Bezeichnung\nO-1;4711;ottosku\n");

        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
        var mapping = Assert.Single(await world.ListAsync(ConnectorId.Otto));
        Assert.Equal(("4711", "O-1"), (mapping.ArticleNumber, mapping.ForeignNumber.Value));
    }

    [Fact]
    public async Task ImportCsvAsync_GermanAndEnglishNameOfOneColumn_IsARepeatedColumn()
    {
        var world = new ForeignNumberWorld();

        var report = await world.ImportCsvAsync(ConnectorId.Otto, "Artikelnummer;article_number;Bezeichnung;Fremdnummer\n4711;4711;ottosku;O-1\n");

        var issue = Assert.Single(report.Issues);
        Assert.Equal(ForeignNumberIssueKind.InvalidHeader, issue.Kind);
        Assert.Contains("(repeated column(s) article_number)", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCsvAsync_ExcelAnsiFile_IsReadAsWindows1252()
    {
        var world = new ForeignNumberWorld();
        var bytes = Encoding.ASCII.GetBytes("Artikelnummer;Bezeichnung;Fremdnummer\r\n4711;ottosku;WC-GR")
            .Append((byte)0xDC)
            .Concat(Encoding.ASCII.GetBytes("N-TASSE\r\n4712;ottosku;O-2\r\n"))
            .ToArray();

        var report = await world.Importer.ImportCsvAsync(new ConnectionId("otto-de"), ConnectorId.Otto, new MemoryStream(bytes), None);

        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
        Assert.Equal(
            ["4711 WC-GR\u00DCN-TASSE", "4712 O-2"],
            (await world.ListAsync(ConnectorId.Otto)).Select(m => $"{m.ArticleNumber} {m.ForeignNumber.Value}"));
    }

    [Fact]
    public async Task ImportCsvAsync_Utf8FileWithALineThatIsNotUtf8_RefusesThatLineByNumberAndStoresNoReplacementCharacter()
    {
        var world = new ForeignNumberWorld();
        var bytes = Encoding.UTF8.GetBytes("article_number;label;foreign_number\n4711;ottosku;Gr\u00F6\u00DFe\n4712;ottosku;WC-GR")
            .Append((byte)0xDC)
            .Concat(Encoding.ASCII.GetBytes("N-TASSE\n"))
            .ToArray();

        var report = await world.Importer.ImportCsvAsync(new ConnectionId("otto-de"), ConnectorId.Otto, new MemoryStream(bytes), None);

        Assert.Equal((2, 1), (report.RowsRead, report.Imported));
        var issue = Assert.Single(report.Issues);
        Assert.Equal((3, ForeignNumberIssueKind.MalformedLine), (issue.LineNumber, issue.Kind));
        Assert.Equal("line 3: the line cannot be read: byte 0xDC at byte 19 of the line is not UTF-8, though other lines of the file are; save the file as UTF-8 (Excel: \"CSV UTF-8\") and import it again", issue.ToString());
        Assert.Equal("Gr\u00F6\u00DFe", Assert.Single(await world.ListAsync(ConnectorId.Otto)).ForeignNumber.Value);
    }

    [Fact]
    public async Task ImportCsvAsync_Utf16FileWithByteOrderMark_IsRead()
    {
        var world = new ForeignNumberWorld();
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("article_number;label;foreign_number\r\n4711;ottosku;Gr\u00F6\u00DFe\r\n")).ToArray();

        var report = await world.Importer.ImportCsvAsync(new ConnectionId("otto-de"), ConnectorId.Otto, new MemoryStream(bytes), None);

        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
        Assert.Equal("Gr\u00F6\u00DFe", Assert.Single(await world.ListAsync(ConnectorId.Otto)).ForeignNumber.Value);
    }

    [Fact]
    public async Task ImportCsvAsync_TextReaderStillCarryingByteOrderMark_IsRead()
    {
        var world = new ForeignNumberWorld();

        var report = await world.ImportCsvAsync(ConnectorId.Otto, "\uFEFFarticle_number;label;foreign_number\n4711;ottosku;O-1");

        Assert.Equal(1, report.Imported);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\n4711;ottosku;O-1", "the file is empty or starts with a blank line")]
    [InlineData("4711;ottosku;O-1\n", "(missing column(s) article_number, label, foreign_number)")]
    [InlineData("article_number;label;foreignnumber\n4711;ottosku;O-1", "(missing column(s) foreign_number)")]
    [InlineData("article_number;label;label;foreign_number\n4711;ottosku;x;O-1", "(repeated column(s) label)")]
    [InlineData("article_number label foreign_number\n4711 ottosku O-1", "the first line must be the header")]
    public async Task ImportCsvAsync_MissingOrWrongHeader_IsOneIssueOnLine1AndNothingIsRead(string csv, string expected)
    {
        var world = new ForeignNumberWorld();

        var report = await world.ImportCsvAsync(ConnectorId.Otto, csv);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(1, issue.LineNumber);
        Assert.Equal(ForeignNumberIssueKind.InvalidHeader, issue.Kind);
        Assert.Contains(expected, issue.Reason, StringComparison.Ordinal);
        Assert.Equal(0, report.Imported);
        Assert.Empty(await world.ListAsync(ConnectorId.Otto));
    }

    [Fact]
    public async Task ImportCsvAsync_TextAfterClosingQuote_IsAMalformedLine()
    {
        var world = new ForeignNumberWorld();

        var report = await world.ImportCsvAsync(ConnectorId.Otto, "article_number;label;foreign_number\n4711;ottosku;\"O-1\"x\n4712;ottosku;O-2");

        var issue = Assert.Single(report.Issues);
        Assert.Equal((2, ForeignNumberIssueKind.MalformedLine), (issue.LineNumber, issue.Kind));
        Assert.Contains("unexpected text after the closing quote at column 19", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(1, report.Imported);
    }

    [Fact]
    public async Task ImportAsync_ForeignNumberStoredForAnotherArticle_IsRefused()
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(ConnectorId.Kaufland, new ForeignNumberRow("4711", "apiunitid", "U-1"));

        var report = await world.ImportAsync(ConnectorId.Kaufland, new ForeignNumberRow("4712", "APIUNITID", "U-1", 5));

        Assert.Equal(0, report.Imported);
        Assert.Equal(
            "line 5: article 4712: apiunitid 'U-1' already belongs to article 4711 on connection kaufland-de; a foreign number identifies one article",
            Assert.Single(report.Issues).ToString());
        Assert.Equal("4711", Assert.Single(await world.ListAsync(ConnectorId.Kaufland)).ArticleNumber);
    }

    [Fact]
    public async Task ImportAsync_SameForeignNumberOnAnotherConnectionOrLabel_IsAllowed()
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(ConnectorId.Amazon, new ForeignNumberRow("4711", "SKU_FBA", "X-1"));

        var otherLabel = await world.ImportAsync(ConnectorId.Amazon, new ForeignNumberRow("4712", "SKU_FBM", "X-1"));
        var otherConnection = await world.Importer.ImportAsync(new ConnectionId("amazon-fr"), ConnectorId.Amazon, [new ForeignNumberRow("4712", "SKU_FBA", "X-1")], None);

        Assert.True(otherLabel.IsComplete);
        Assert.True(otherConnection.IsComplete);
    }

    [Fact]
    public async Task ImportAsync_NewValueForArticleAndLabel_ReplacesTheOldOneAndFreesIt()
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(ConnectorId.Otto, new ForeignNumberRow("4711", "ottosku", "OLD"));

        await world.ImportAsync(ConnectorId.Otto, new ForeignNumberRow("4711", "ottosku", "NEW"));
        var reuse = await world.ImportAsync(ConnectorId.Otto, new ForeignNumberRow("4712", "ottosku", "OLD"));

        Assert.True(reuse.IsComplete);
        Assert.Equal(["4711 NEW", "4712 OLD"], (await world.ListAsync(ConnectorId.Otto)).Select(m => $"{m.ArticleNumber} {m.ForeignNumber.Value}"));
    }

    [Fact]
    public async Task ImportAsync_SwapOfTwoForeignNumbersInOneBatch_IsWritten()
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(ConnectorId.Otto, new ForeignNumberRow("4711", "ottosku", "A"), new ForeignNumberRow("4712", "ottosku", "B"));

        var report = await world.ImportAsync(ConnectorId.Otto, new ForeignNumberRow("4711", "ottosku", "B"), new ForeignNumberRow("4712", "ottosku", "A"));

        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
        Assert.Equal(["4711 B", "4712 A"], (await world.ListAsync(ConnectorId.Otto)).Select(m => $"{m.ArticleNumber} {m.ForeignNumber.Value}"));
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_ChangesNothingTheSecondTime()
    {
        var world = new ForeignNumberWorld();
        ForeignNumberRow[] rows = [new("4711", "eBayListing", "1"), new("M-100-S", "SKU", "S")];
        await world.ImportAsync(ConnectorId.Ebay, rows);
        var before = await world.ListAsync(ConnectorId.Ebay);

        var again = await world.ImportAsync(ConnectorId.Ebay, rows);

        Assert.True(again.IsComplete);
        Assert.Equal(before, await world.ListAsync(ConnectorId.Ebay));
    }

    [Fact]
    public async Task ImportAsync_StoreThrows_WritesNothingInOneSingleUpsert()
    {
        var store = new FaultyForeignNumberStore(new InMemoryForeignNumberStore(), (_, _) => throw new ConnectSdkException("database is down"));
        var world = new ForeignNumberWorld(store: store);

        var ex = await Assert.ThrowsAsync<ConnectSdkException>(async () =>
            await world.ImportCsvAsync(ConnectorId.Otto, "article_number;label;foreign_number\n4711;ottosku;A\n4712;ottosku;B\nM-100-S;ottosku;C"));

        Assert.Equal("database is down", ex.Message);
        Assert.Equal(1, store.UpsertCalls);
        Assert.Empty(await world.ListAsync(ConnectorId.Otto));
    }

    [Fact]
    public async Task ImportAsync_ForeignNumberTakenByAnotherWriterMeanwhile_ImportsNothingAndNamesTheRow()
    {
        var inner = new InMemoryForeignNumberStore();
        var connection = new ConnectionId("otto-de");
        var store = new FaultyForeignNumberStore(inner, async (mappings, ct) =>
        {
            // Another worker maps B to article 4711 between the import's check and its write.
            await inner.UpsertAsync([new ForeignNumberMapping(connection, "4711", new ForeignNumber(ForeignNumberLabel.OttoSku, "B"))], ct);
            return await inner.UpsertAsync(mappings, ct);
        });
        var world = new ForeignNumberWorld(store: store);

        var report = await world.ImportCsvAsync(ConnectorId.Otto, "article_number;label;foreign_number\n4712;ottosku;A\nM-100-S;ottosku;B");

        Assert.Equal(0, report.Imported);
        var issue = Assert.Single(report.Issues);
        Assert.Equal((3, ForeignNumberIssueKind.DuplicateForeignNumber), (issue.LineNumber, issue.Kind));
        Assert.Contains("while importing; import again", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(["4711 B"], (await world.ListAsync(ConnectorId.Otto)).Select(m => $"{m.ArticleNumber} {m.ForeignNumber.Value}"));
    }

    [Fact]
    public async Task ImportAsync_ShopwareFile_RefusesEveryRow()
    {
        var world = new ForeignNumberWorld();

        var report = await world.ImportCsvAsync(ConnectorId.Shopware, "article_number;label;foreign_number\n4711;SKU;SW-1\n4712;articlenumber;4712");

        Assert.Equal([2, 3], report.Issues.Select(i => i.LineNumber!.Value));
        Assert.All(report.Issues, i => Assert.Equal(ForeignNumberIssueKind.IdentityRule, i.Kind));
        Assert.Equal(0, report.Imported);
    }

    [Fact]
    public async Task ImportAsync_Cancelled_ThrowsAndWritesNothing()
    {
        var world = new ForeignNumberWorld();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await world.Importer.ImportAsync(new ConnectionId("otto-de"), ConnectorId.Otto, [new ForeignNumberRow("4711", "ottosku", "A")], cancelled.Token));

        Assert.Empty(await world.ListAsync(ConnectorId.Otto));
    }
}
