using Connect.Sdk.ForeignNumbers;
using static Connect.Sdk.Tests.Migration.MigrationWorld;

namespace Connect.Sdk.Tests.Migration;

/// <summary>Each kind of conflicting row: the dry run names its line and field, and the apply leaves it out and writes the rest.</summary>
public sealed class MigrationConflictTests
{
    public static TheoryData<string, int, ForeignNumberIssueKind, string?> Conflicts => new()
    {
        // a label the connector has no rule for
        { "4711;shopifyproductid;1001\n4712;SKU_FBA;B-1\n", 3, ForeignNumberIssueKind.UnknownLabel, "label" },
        // a variant label on a simple article
        { "4711;shopifyproductid;1001\n4712;shopifyvariantid;2001\n", 3, ForeignNumberIssueKind.LabelNotForArticleKind, "label" },
        // a repeated row (the same article, label and value again)
        { "4711;shopifyproductid;1001\n4711;shopifyproductid;1001\n", 3, ForeignNumberIssueKind.DuplicateLabelForArticle, "label" },
        // a malformed row
        { "4711;shopifyproductid;1001\n4712;shopifyproductid\n", 3, ForeignNumberIssueKind.MalformedLine, null },
        // an article the ERP does not have
        { "4711;shopifyproductid;1001\n9999;shopifyproductid;1003\n", 3, ForeignNumberIssueKind.UnknownArticle, "article_number" },
    };

    [Theory]
    [MemberData(nameof(Conflicts))]
    public async Task DryRunAsync_ConflictingRow_ReportsItsLineAndField(string rows, int line, ForeignNumberIssueKind kind, string? field)
    {
        var world = new MigrationWorld();

        var report = await world.DryRunAsync(Export(rows));

        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal((line, kind, field), (conflict.LineNumber, conflict.Kind, conflict.Field));
        Assert.Contains($"line {line}: ", report.Describe(), StringComparison.Ordinal);
        Assert.Equal(1, report.ForeignNumbersCreated);
    }

    [Theory]
    [MemberData(nameof(Conflicts))]
    public async Task ApplyAsync_ConflictingRow_IsLeftOutAndTheCleanRowWritten(string rows, int line, ForeignNumberIssueKind kind, string? field)
    {
        var world = new MigrationWorld();

        var report = await world.ApplyAsync(Export(rows));

        Assert.Equal((line, kind, field), (report.Conflicts[0].LineNumber, report.Conflicts[0].Kind, report.Conflicts[0].Field));
        Assert.Equal(["4711;shopifyproductid;1001"], await world.ListForeignNumbersAsync());
    }

    [Fact]
    public async Task DryRunAsync_NumberMappedToAnotherArticleInTheStore_IsAConflictNamingTheOwner()
    {
        var world = new MigrationWorld();
        await world.ApplyAsync(Export("4712;shopifyproductid;1001\n"));

        var report = await world.DryRunAsync(Export("4711;shopifyproductid;1001\n"));

        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal(ForeignNumberIssueKind.DuplicateForeignNumber, conflict.Kind);
        Assert.Contains("already belongs to article 4712", conflict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_SameForeignNumberForTwoArticles_RefusesBothRowsWithTheirLines()
    {
        var world = new MigrationWorld();

        var report = await world.ApplyAsync(Export("4712;shopifyproductid;1001\n4711;shopifyproductid;1001\nM-100;shopifyproductid;1002\n"));

        Assert.Equal([(2, "4712"), (3, "4711")], report.Conflicts.Select(c => (c.LineNumber ?? 0, c.ArticleNumber ?? string.Empty)));
        Assert.All(report.Conflicts, c => Assert.Equal((ForeignNumberIssueKind.DuplicateForeignNumber, "foreign_number"), (c.Kind, c.Field)));
        Assert.Contains("is given to articles 4712, 4711 on lines 2, 3", report.Conflicts[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["M-100;shopifyproductid;1002"], await world.ListForeignNumbersAsync());
    }

    [Fact]
    public async Task ApplyAsync_TwoValuesUnderOneLabelForOneArticle_RefusesBothRowsWithTheirLines()
    {
        var world = new MigrationWorld();

        var report = await world.ApplyAsync(Export("4711;shopifyproductid;1001\n4711;shopifyproductid;1002\nM-100;shopifyproductid;1003\n"));

        Assert.Equal([2, 3], report.Conflicts.Select(c => c.LineNumber ?? 0));
        Assert.All(report.Conflicts, c => Assert.Equal((ForeignNumberIssueKind.DuplicateLabelForArticle, "label"), (c.Kind, c.Field)));
        Assert.Equal(["M-100;shopifyproductid;1003"], await world.ListForeignNumbersAsync());
    }
}
