using System.Globalization;
using System.Text;
using Connect.Sdk.Articles;

namespace ClassicMigration;

/// <summary>
/// A classic Shopify connection's foreign-number table as the classic import centre exports it, with the ERP's
/// articles behind it: every tenth product a matrix parent with variants, and a few rows a user would get wrong.
/// </summary>
internal sealed class ClassicShopExport
{
    private readonly List<Article> _articles = [];
    private readonly StringBuilder _csv = new("Artikelnummer;Bezeichnung;Fremdnummer\r\n");

    public ClassicShopExport(int rows)
    {
        var line = 1;
        for (var product = 1; line <= rows; product++)
        {
            line++;
            var number = string.Create(CultureInfo.InvariantCulture, $"{product:D5}");
            var isMatrix = product % 10 == 0;
            _articles.Add(new Article(number, $"Product {number}", isMatrix ? ArticleKind.MatrixParent : ArticleKind.Simple));
            Append(line, string.Create(CultureInfo.InvariantCulture, $"{number};shopifyproductid;{8_000_000_000_000L + product}"));
            for (var size = 1; isMatrix && size <= 3 && line <= rows; size++)
            {
                line++;
                var variant = $"{number}-{size}";
                _articles.Add(new Article(variant, $"Product {number} size {size}", ArticleKind.Variant, number));
                Append(line, string.Create(CultureInfo.InvariantCulture, $"{variant};shopifyvariantid;{40_000_000_000_000L + (product * 10) + size}"));
            }
        }
    }

    /// <summary>The ERP's articles the export refers to.</summary>
    public IReadOnlyList<Article> Articles => _articles;

    /// <summary>The file as Excel writes "CSV UTF-8": a byte order mark, ';' and CRLF.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_csv.ToString())];

    private void Append(int line, string row) => _csv.Append(ConflictAt(line) ?? row).Append("\r\n");

    // One of each mistake a classic table collects over the years, at fixed lines so the report can be checked by eye.
    private static string? ConflictAt(int line) => line switch
    {
        101 => "00099;shopifyproductid;8000000000001",    // the foreign number of 00001 again
        202 => "00200;SKU;8000000000200",                 // WooCommerce's label on a Shopify connection
        303 => "00301;shopifyvariantid;8000000000301",    // a variant label on a simple article
        404 => "00002;shopifyproductid;8000000099999",    // another value for 00002 (line 3)
        505 => "00455;shopifyproductid",                  // the foreign number is missing
        _ => null,
    };
}
