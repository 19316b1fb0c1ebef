using Connect.Sdk.Shipments;

namespace Connect.Sdk.Tests.Shipments;

public sealed class OrderNumberListTests
{
    [Theory]
    [InlineData("1001", new[] { "1001" })]
    [InlineData("1001, 1002", new[] { "1001", "1002" })]
    [InlineData(" 1001;1002\t1003\n1004 ,, ", new[] { "1001", "1002", "1003", "1004" })]
    [InlineData("1001, 1001 1002", new[] { "1001", "1002" })]
    [InlineData("302-1234567-1234567, #1001", new[] { "302-1234567-1234567", "#1001" })]
    public void Parse_SeparatedNumbers_AreTrimmedAndDistinct(string input, string[] expected)
    {
        var (numbers, rejected) = OrderNumberList.Parse(input);

        Assert.Equal(expected, numbers);
        Assert.Empty(rejected);
    }

    [Fact]
    public void Parse_BadTokens_AreRejectedWithTheReason_AndTheRestIsKept()
    {
        var (numbers, rejected) = OrderNumberList.Parse("1001, 10x2!, " + new string('9', 101));

        Assert.Equal(["1001"], numbers);
        Assert.Equal(["10x2!", new string('9', 101)], rejected.Select(r => r.Input));
        Assert.Contains("only letters, digits", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("longer than 100", rejected[1].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ; ")]
    [InlineData(null)]
    public void Parse_NothingEntered_SaysToEnterANumber(string? input)
    {
        var (numbers, rejected) = OrderNumberList.Parse(input);

        Assert.Empty(numbers);
        Assert.Contains("at least one order number", Assert.Single(rejected).Reason, StringComparison.Ordinal);
    }
}
