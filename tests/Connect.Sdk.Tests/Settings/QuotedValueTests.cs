using Connect.Sdk.Settings;

namespace Connect.Sdk.Tests.Settings;

public sealed class QuotedValueTests
{
    [Fact]
    public void Of_ShortValue_IsQuotedWhole()
    {
        Assert.Equal("'NaN'", QuotedValue.Of("NaN"));
        Assert.Equal($"'{new string('a', QuotedValue.MaxShown)}'", QuotedValue.Of(new string('a', QuotedValue.MaxShown)));
    }

    [Fact]
    public void Of_LongValue_IsItsStartWithAnEllipsisAndItsLength()
    {
        var value = "https://shop.example.com/" + new string('a', 70_000);

        Assert.Equal($"'https://shop.example.com/{new string('a', QuotedValue.MaxShown - 25)}…' (70025 characters)", QuotedValue.Of(value));
    }
}
