namespace Connect.Sdk.Http.Tests;

public sealed class ErrorTextTests
{
    // The page WordPress's fatal-error handler renders outside the REST API (wp_die's default template), shortened.
    private const string CriticalErrorPage = """
        <!DOCTYPE html>
        <html lang="en-US">
        <head>
        	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
        	<meta name="viewport" content="width=device-width">
        	<title>WordPress &rsaquo; Error</title>
        	<style type="text/css">
        		html { background: #f1f1f1; }
        		body { background: #fff; color: #444; }
        	</style>
        </head>
        <body id="error-page">
        	<div class="wp-die-message"><p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p></div></body>
        </html>
        """;

    [Theory]
    [InlineData(CriticalErrorPage, "There has been a critical error on this website. Learn more about troubleshooting WordPress.")]
    [InlineData("<p>There has been a critical error on this website.</p>", "There has been a critical error on this website.")]
    [InlineData("<html><head><title>Database Error</title></head><body><h1>Error establishing a database connection</h1></body></html>", "Error establishing a database connection")]
    [InlineData("<html><head><title>503 Service Temporarily Unavailable</title></head><body></body></html>", "503 Service Temporarily Unavailable")]
    [InlineData("Invalid ID.", "Invalid ID.")]
    [InlineData("Sorry, you cannot\r\n  list resources.", "Sorry, you cannot list resources.")]
    [InlineData("Price &lt; 0 is 3 < 4", "Price &lt; 0 is 3 < 4")] // not HTML: left as it is
    public void OneLine_HtmlOrText_IsOneLineOfItsVisibleText(string text, string expected) =>
        Assert.Equal(expected, ErrorText.OneLine(text, 200));

    [Fact]
    public void OneLine_LongerThanTheLimit_IsCutWithAnEllipsis() =>
        Assert.Equal("abcde…", ErrorText.OneLine("<p>abcdefgh</p>", 5));

    [Theory]
    [InlineData("", "no body")]
    [InlineData("<html><body><img src=\"x.png\"></body></html>", "a body without text")]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "\"502 Bad Gateway\"")]
    public void Excerpt_BodyOfAnError_QuotesItsTextOrSaysItHasNone(string body, string expected) =>
        Assert.Equal(expected, ErrorText.Excerpt(body, 80));
}
