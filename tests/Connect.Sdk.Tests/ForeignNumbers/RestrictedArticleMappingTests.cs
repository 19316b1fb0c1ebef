using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Tests.ForeignNumbers;

public sealed class RestrictedArticleMappingTests
{
    private static readonly Article Simple = new("4711", "Mug", ArticleKind.Simple);
    private static readonly Article Parent = new("M-100", "T-shirt", ArticleKind.MatrixParent);
    private static readonly Article Variant = new("M-100-S", "T-shirt S", ArticleKind.Variant, "M-100");
    private static readonly Article OtherVariant = new("M-200-S", "Hoodie S", ArticleKind.Variant, "M-200");

    [Fact]
    public void Allows_ArticleInTheSet_IsTrue_AndOthersFalse()
    {
        var mapping = new RestrictedArticleMapping("4711");

        Assert.True(mapping.Allows(Simple));
        Assert.False(mapping.Allows(Parent));
        Assert.False(mapping.Allows(Variant));
    }

    [Fact]
    public void Allows_VariantWhoseMatrixParentIsInTheSet_IsTrue()
    {
        var mapping = new RestrictedArticleMapping("M-100");

        Assert.True(mapping.Allows(Parent));
        Assert.True(mapping.Allows(Variant));
        Assert.False(mapping.Allows(OtherVariant));
    }

    [Fact]
    public void Allows_SingleVariantInTheSet_DoesNotAllowItsParent()
    {
        var mapping = new RestrictedArticleMapping("M-100-S");

        Assert.True(mapping.Allows(Variant));
        Assert.False(mapping.Allows(Parent));
    }

    [Fact]
    public void Empty_AllowsNothing()
    {
        Assert.False(RestrictedArticleMapping.Empty.Allows(Simple));
        Assert.False(RestrictedArticleMapping.Empty.Allows(Variant));
        Assert.Equal(0, RestrictedArticleMapping.Empty.Count);
    }

    [Fact]
    public void ArticleNumbers_Duplicates_AreHeldOnceInOrdinalOrder()
    {
        var mapping = new RestrictedArticleMapping("b", "a", "b", "B");

        Assert.Equal(["B", "a", "b"], mapping.ArticleNumbers);
    }

    [Fact]
    public void Constructor_EmptyArticleNumber_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new RestrictedArticleMapping("4711", " "));
    }
}
