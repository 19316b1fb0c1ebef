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

    [Fact]
    public void AddressSetting_LongerThanTheLimit_IsAProblemQuotingNoPartOfIt()
    {
        var problem = AddressSetting.LengthProblem("shopUrl", "The shop URL (shopUrl)", "https://" + new string('a', AddressSetting.MaxLength));

        Assert.Equal(new SettingProblem("shopUrl", "The shop URL (shopUrl) is 2056 characters long; an address has at most 2048."), problem);
        Assert.Null(AddressSetting.LengthProblem("shopUrl", "The shop URL (shopUrl)", new string('a', AddressSetting.MaxLength)));
    }
}
