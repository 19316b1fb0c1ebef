using Connect.Sdk.Orders;

namespace Connect.Sdk.Tests.Orders;

public sealed class OrderNumberInputTests
{
    public static TheoryData<string, string[], string[]> Inputs() => new()
    {
        { "1001", ["1001"], [] },
        { "1001, 1002 ,1003", ["1001", "1002", "1003"], [] },
        { "  1001,1002  ", ["1001", "1002"], [] },
        { "1001, 1002, 1001", ["1001", "1002"], [] },
        { "1001;;1002", ["1001", "1002"], [] },
        { "1001,,, ,1002", ["1001", "1002"], [] },
        { "1001\n1002\r\n1003\t1004", ["1001", "1002", "1003", "1004"], [] },
        { "1001 1002", ["1001", "1002"], [] },
        { "1001\u00A01002", ["1001", "1002"], [] },
        { "#1001, 302-1234567-1234567", ["#1001", "302-1234567-1234567"], [] },
        { "1001, 10\u200B02", ["1001"], ["10\u200B02"] },
        { "1001, 10\u000702", ["1001"], ["10\u000702"] },
        { "1001, " + new string('9', 101), ["1001"], [new string('9', 101)] },
        { new string('9', 100), [new string('9', 100)], [] },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_Input_YieldsTrimmedDistinctNumbers_AndReportsBadTokens(string input, string[] numbers, string[] rejected)
    {
        var (parsed, rejections) = OrderNumberInput.Parse(input);

        Assert.Equal(numbers, parsed);
        Assert.Equal(rejected, rejections.Select(r => r.Input));
        Assert.All(rejections, r => Assert.StartsWith("is not an order number", r.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ;\n")]
    public void Parse_NothingButSeparators_ReportsThatNoNumberWasGiven(string input)
    {
        var (parsed, rejections) = OrderNumberInput.Parse(input);

        Assert.Empty(parsed);
        Assert.Equal("no order number given", Assert.Single(rejections).Reason);
    }
}
