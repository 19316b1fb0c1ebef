using System.Globalization;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <content>
/// Order notes (where connectors put tracking): listed newest first and filtered by type, read one by one, created.
/// The order notes controller words its errors its own way ("Invalid order ID.", "Invalid resource ID.").
/// </content>
public sealed partial class WooCommerceFake
{
    private static readonly string[] NoteTypes = ["any", "customer", "internal"];

    // The list checks the order with the route's post type in the code; reading and creating with a plain one.
    private static FakeResponse OrderOfNotesNotFound(string code) => Error(404, code, "Invalid order ID.");

    // A boolean field read as WordPress reads it; absent is false.
    private static FakeResponse? InvalidFlag(JsonObject body, string name, out bool value)
    {
        value = false;
        return body.ContainsKey(name) && !WordPressJsonTypes.TryBoolean(body[name], out value)
            ? InvalidParameter(name, $"{name} is not of type boolean.", "rest_invalid_type")
            : null;
    }

    private void MapNotes()
    {
        Route("notes.list", "GET", $@"{Api}/orders/(?<id>\d+)/notes", ListNotes);
        Route("notes.get", "GET", $@"{Api}/orders/(?<id>\d+)/notes/(?<note>\d+)", GetNote);
        Route("notes.create", "POST", $@"{Api}/orders/(?<id>\d+)/notes", CreateNote);
    }

    private FakeResponse ListNotes(FakeCall request)
    {
        if (FindOrder(request) is not { } order)
        {
            return OrderOfNotesNotFound("woocommerce_rest_shop_order_invalid_id");
        }

        var type = request.Query.GetValueOrDefault("type", "any");
        if (!NoteTypes.Contains(type, StringComparer.Ordinal))
        {
            return InvalidParameter("type", "type is not one of any, customer, internal.", "rest_not_in_enum");
        }

        var notes = order.Notes.AsEnumerable().Reverse()
            .Where(n => type == "any" || (bool)n["customer_note"]! == (type == "customer"))
            .Select(n => (JsonNode)n.DeepClone());
        return Json(200, new JsonArray(notes.ToArray()));
    }

    private FakeResponse GetNote(FakeCall request)
    {
        if (FindOrder(request) is not { } order)
        {
            return OrderOfNotesNotFound("woocommerce_rest_order_invalid_id");
        }

        var id = long.Parse(request.RouteValues["note"], CultureInfo.InvariantCulture);
        return order.Notes.Find(n => (long)n["id"]! == id) is { } note
            ? Json(200, note.DeepClone())
            : Error(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");
    }

    private FakeResponse CreateNote(FakeCall request)
    {
        if (ParseBody(request) is not { } body)
        {
            return InvalidJson();
        }

        if (body["note"] is not JsonValue noteValue || !noteValue.TryGetValue<string>(out var text) || text.Length == 0)
        {
            return Error(400, "rest_missing_callback_param", "Missing parameter(s): note", new JsonObject { ["params"] = new JsonArray("note") });
        }

        if (InvalidFlag(body, "customer_note", out var customerNote) is { } invalidCustomerNote)
        {
            return invalidCustomerNote;
        }

        // added_by_user names the key's user as the author instead of "system" (the fake's key belongs to "admin").
        if (InvalidFlag(body, "added_by_user", out var byUser) is { } invalidAddedByUser)
        {
            return invalidAddedByUser;
        }

        // WordPress checks the arguments (note required, types) before the controller looks at the id and the order.
        if (body.ContainsKey("id"))
        {
            return Error(400, "woocommerce_rest_shop_order_exists", "Cannot create existing shop_order.");
        }

        if (FindOrder(request) is not { } order)
        {
            return OrderOfNotesNotFound("woocommerce_rest_order_invalid_id");
        }

        var now = Date(Clock.GetCurrentInstant());
        var id = _nextNoteId++;
        var self = $"orders/{order.Id}/notes/{id}";
        var note = new JsonObject
        {
            ["id"] = id,
            ["author"] = byUser ? "admin" : "system",
            ["date_created"] = now,
            ["date_created_gmt"] = now,
            ["note"] = text,
            ["customer_note"] = customerNote,
            ["_links"] = Links(self, $"orders/{order.Id}/notes", up: $"orders/{order.Id}"),
        };
        order.Notes.Add(note);
        return Json(201, note.DeepClone(), new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Location"] = Href(self) });
    }
}
