using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <content>
/// The asynchronous file imports: stock (STO01 <c>POST /api/offers/stock/imports</c>, STO02 its status, STO03 its error
/// report) and prices (PRI01 <c>POST /api/offers/pricing/imports</c>, PRI02 <c>GET /api/offers/pricing/imports</c> by
/// <c>import_id</c>, PRI03 its error report). A file goes up as <c>multipart/form-data</c> in the part <c>file</c>; the
/// answer is 201 with an <c>import_id</c>; each line is processed alone, and a line in error lands in the error report
/// with its line number and reason.
/// </content>
public sealed partial class MiraklFake : IPriceFake
{
    /// <summary>
    /// The basis the operator's platform takes offer prices on: gross unless set. Mirakl exposes it to no seller API the
    /// fake models, so a connector takes it from the connection's settings.
    /// </summary>
    public PriceBasis? Basis { get; set; } = PriceBasis.Gross;

    /// <summary>
    /// The offer's price: its <c>discount-price</c> with <c>price</c> as the compare-at price while a discount runs, else
    /// <c>price</c> alone.
    /// </summary>
    /// <param name="foreignNumber">The offer's shop SKU.</param>
    /// <returns>The price in <see cref="Currency"/>, or <see langword="null"/> for an unknown offer.</returns>
    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        var sku = ShopSkuOf(foreignNumber);
        lock (Gate)
        {
            ProcessDueImports();
            return _offers.Find(o => o.ShopSku == sku) is not { } offer ? null
                : offer.DiscountPrice is { } discount ? new FakePrice(new Money(discount, Currency), new Money(offer.Price, Currency))
                : new FakePrice(new Money(offer.Price, Currency), null);
        }
    }

    private static bool TryQuantity(string text, out int quantity) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out quantity);

    private static bool TryPrice(string text, out decimal price) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price) && price > 0;

    private static JsonObject Status(MiraklImport import) => new()
    {
        ["import_id"] = import.Id,
        ["date_created"] = Date(import.Created),
        ["status"] = !import.Processed ? "WAITING" : import.FailureReason is null ? "COMPLETE" : "FAILED",
        ["reason_status"] = import.FailureReason,
        ["has_error_report"] = import.Errors.Count > 0,
        ["lines_in_error"] = import.Errors.Count,
        ["lines_in_success"] = import.LinesInSuccess,
    };

    private void MapImports()
    {
        Map("offers.stock.import", "POST", $"{Api}/offers/stock/imports", call => Upload(call, "stock"));
        Map("offers.stock.import.status", "GET", $"{Api}/offers/stock/imports/(?<id>[^/]+)/status", call => StockStatus(call));
        Map("offers.stock.import.errors", "GET", $"{Api}/offers/stock/imports/(?<id>[^/]+)/error_report", call => ErrorReport(call, "stock"));
        Map("offers.pricing.import", "POST", $"{Api}/offers/pricing/imports", call => Upload(call, "pricing"));
        Map("offers.pricing.import.status", "GET", $"{Api}/offers/pricing/imports", PricingStatus);
        Map("offers.pricing.import.errors", "GET", $"{Api}/offers/pricing/imports/(?<id>[^/]+)/error_report", call => ErrorReport(call, "pricing"));
    }

    private FakeResponse Upload(FakeCall request, string kind)
    {
        if (MultipartFile.Read(request) is not { } file)
        {
            return Error(400, "The file is required (multipart/form-data, part 'file')");
        }

        var now = Clock.GetCurrentInstant();
        var import = new MiraklImport
        {
            Id = (_nextImport++).ToString(CultureInfo.InvariantCulture),
            Kind = kind,
            Created = now,
            Due = now + ImportProcessingTime,
            Rows = MiraklCsv.Parse(file),
        };
        _imports.Add(import);
        ProcessDueImports();
        return Json(201, new JsonObject { ["import_id"] = import.Id });
    }

    private FakeResponse StockStatus(FakeCall request) =>
        _imports.Find(i => i.Kind == "stock" && i.Id == request.RouteValues["id"]) is { } import
            ? Json(200, Status(import))
            : Error(404, $"Import {request.RouteValues["id"]} not found");

    private FakeResponse PricingStatus(FakeCall request)
    {
        var ids = List(request, "import_id");
        var found = _imports.Where(i => i.Kind == "pricing" && (ids is null || ids.Contains(i.Id))).Select(i => (JsonNode)Status(i));
        return Json(200, new JsonObject { ["data"] = new JsonArray([.. found]) });
    }

    private FakeResponse ErrorReport(FakeCall request, string kind)
    {
        if (_imports.Find(i => i.Kind == kind && i.Id == request.RouteValues["id"]) is not { Processed: true } import || import.Errors.Count == 0)
        {
            return Error(404, $"No error report for import {request.RouteValues["id"]}");
        }

        var report = new StringBuilder();
        report.Append(MiraklCsv.Line(["line-number", "error-message", .. import.Rows[0]])).Append('\n');
        foreach (var error in import.Errors)
        {
            report.Append(MiraklCsv.Line(error)).Append('\n');
        }

        return new FakeResponse(200, report.ToString()) { ContentType = "text/csv; charset=UTF-8" };
    }

    // Under Gate: processes every import whose time has come, line by line.
    private void ProcessDueImports()
    {
        var now = Clock.GetCurrentInstant();
        foreach (var import in _imports.Where(i => !i.Processed && i.Due <= now))
        {
            import.Processed = true;
            var header = import.Rows.Count > 0 ? import.Rows[0] : [];
            var sku = Array.IndexOf(header, "offer-sku");
            var value = Array.IndexOf(header, import.Kind == "stock" ? "quantity" : "price");
            if (sku < 0 || value < 0)
            {
                import.FailureReason = $"The file's header must name the columns offer-sku and {(import.Kind == "stock" ? "quantity" : "price")}";
                continue;
            }

            for (var line = 1; line < import.Rows.Count; line++)
            {
                var row = import.Rows[line];
                var error = import.Kind == "stock" ? ApplyStock(row, sku, value) : ApplyPrice(row, header, sku, value);
                if (error is null)
                {
                    import.LinesInSuccess++;
                }
                else
                {
                    import.Errors.Add([(line + 1).ToString(CultureInfo.InvariantCulture), error, .. row]);
                }
            }
        }
    }

    private string? ApplyStock(string[] row, int sku, int quantity)
    {
        if (row.Length <= Math.Max(sku, quantity))
        {
            return "The line has fewer columns than the header";
        }

        if (_offers.Find(o => o.ShopSku == row[sku]) is not { } offer)
        {
            return $"The offer with SKU {row[sku]} does not exist";
        }

        if (!TryQuantity(row[quantity], out var level))
        {
            return $"The quantity '{row[quantity]}' is not a positive integer";
        }

        offer.Quantity = level;
        return null;
    }

    private string? ApplyPrice(string[] row, string[] header, int sku, int price)
    {
        if (row.Length <= Math.Max(sku, price))
        {
            return "The line has fewer columns than the header";
        }

        if (_offers.Find(o => o.ShopSku == row[sku]) is not { } offer)
        {
            return $"The offer with SKU {row[sku]} does not exist";
        }

        if (!TryPrice(row[price], out var amount))
        {
            return $"The price '{row[price]}' is not a positive decimal number";
        }

        var discountColumn = Array.IndexOf(header, "discount-price");
        decimal? discount = null;
        if (discountColumn >= 0 && discountColumn < row.Length && row[discountColumn].Length > 0)
        {
            if (!TryPrice(row[discountColumn], out var discountAmount) || discountAmount >= amount)
            {
                return $"The discount price '{row[discountColumn]}' must be a positive decimal number below the price";
            }

            discount = discountAmount;
        }

        offer.Price = amount;
        offer.DiscountPrice = discount;
        return null;
    }
}
