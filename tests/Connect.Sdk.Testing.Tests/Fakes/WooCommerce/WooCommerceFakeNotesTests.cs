using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooTestOrders;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>Order notes as WooCommerce's order notes controller serves them.</summary>
public sealed class WooCommerceFakeNotesTests() : WooCommerceFakeTestBase(basicKeys: true)
{
    protected override void Seed(WooCommerceFake woo)
    {
        woo.SeedArticle(Sku("MUG"), 7);
        woo.SeedOrder(Order(8001, Start, sku: "MUG"));
    }

    [Fact]
    public async Task NotesList_Type_KeepsCustomerOrInternalNotes()
    {
        await Create("""{"note":"Packed"}""");
        await Create("""{"note":"Tracking: DHL 1","customer_note":true}""");

        Assert.Equal(["Tracking: DHL 1"], await NoteTexts("orders/8001/notes?type=customer"));
        Assert.Equal(["Packed"], await NoteTexts("orders/8001/notes?type=internal"));
        Assert.Equal(["Tracking: DHL 1", "Packed"], await NoteTexts("orders/8001/notes?type=any"));
    }

    [Fact]
    public async Task NotesList_UnknownType_Answers400NotInEnum()
    {
        using var response = await Http.GetAsync(new Uri("orders/8001/notes?type=private", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("type is not one of any, customer, internal.", (string?)body["data"]!["params"]!["type"]);
    }

    [Fact]
    public async Task NotesCreate_Answers201WithTheNotesLocation_WhichReadsItBack()
    {
        using var created = await Http.PostAsync(new Uri("orders/8001/notes", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"note":"Packed"}"""));
        var location = created.Headers.Location!;

        using var read = await Http.GetAsync(location);
        var note = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith($"/wp-json/wc/v3/orders/8001/notes/{(long)note["id"]!}", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("Packed", (string?)note["note"]);
    }

    [Theory]
    [InlineData("orders/8001/notes/999999", "woocommerce_rest_invalid_id", "Invalid resource ID.")]
    [InlineData("orders/9999/notes/1", "woocommerce_rest_order_invalid_id", "Invalid order ID.")]
    [InlineData("orders/9999/notes", "woocommerce_rest_shop_order_invalid_id", "Invalid order ID.")]
    public async Task Notes_UnknownOrderOrNote_Answers404InTheNotesControllersWords(string path, string code, string message)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(code, (string?)body["code"]);
        Assert.Equal(message, (string?)body["message"]);
    }

    private async Task Create(string json)
    {
        using var response = await Http.PostAsync(new Uri("orders/8001/notes", UriKind.Relative), WooCommerceFakeTests.JsonBody(json));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<string[]> NoteTexts(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(n => (string)n!["note"]!).ToArray();
    }
}
