using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Apps;

/// <summary>
/// productpage's HTML, written for the sandbox with what learners look for in the real page: the title
/// "Simple Bookstore App", the details table, each review with its filled star glyphs in the colour reviews
/// sent (black for v2, red for v3; none from v1), and the error texts when details or reviews fail.
/// </summary>
internal static class ProductPageHtml
{
    public static string Index()
    {
        var html = new StringBuilder();
        Head(html);
        html.Append("<div class=\"container mt-8 mx-auto px-4\">\n  <h3 class=\"text-3xl font-semibold\">Hello! This is a simple bookstore application consisting of three services as shown below</h3>\n")
            .Append("  <table class=\"min-w-full\">\n    <tr><th>name</th><th>endpoint</th><th>children</th></tr>\n")
            .Append("    <tr><td>productpage</td><td>details:9080</td><td>details, reviews</td></tr>\n")
            .Append("    <tr><td>details</td><td>details:9080</td><td></td></tr>\n")
            .Append("    <tr><td>reviews</td><td>reviews:9080</td><td>ratings</td></tr>\n  </table>\n")
            .Append("  <p>Click on one of the links below to auto generate a request to the backend as a real user or a tester</p>\n")
            .Append("  <p><a href=\"/productpage?u=normal\">Normal user</a></p>\n  <p><a href=\"/productpage?u=test\">Test user</a></p>\n</div>\n");
        return Foot(html);
    }

    public static string Page(string? user, JsonObject? details, JsonObject? reviews)
    {
        var product = ProductPage.Product();
        var html = new StringBuilder();
        Head(html);
        html.Append("<nav class=\"bg-gray-800\">\n  <a href=\"#\" class=\"text-white px-3 py-2 text-lg font-medium\">BookInfo Sample</a>\n");
        html.Append(string.IsNullOrEmpty(user)
            ? "  <button type=\"button\" id=\"sign-in-button\">Sign in</button>\n"
            : $"  <p class=\"text-base font-medium text-gray-50\">{Encode(user)}</p>\n  <a href=\"logout\">Sign out</a>\n");
        html.Append("</nav>\n")
            .Append("<dialog id=\"dialog\">\n  <form method=\"post\" action='login' name=\"login_form\">\n    <input id=\"username\" name=\"username\" required>\n    <input id=\"password\" name=\"passwd\" type=\"password\" required>\n    <button type=\"submit\">Sign in</button>\n  </form>\n</dialog>\n")
            .Append("<div class=\"container mt-8 mx-auto px-4\">\n  <h1 class=\"text-5xl font-bold tracking-tight text-blue-900\">").Append(Encode((string?)product["title"])).Append("</h1>\n")
            .Append("  <p class=\"mt-6 text-xl leading-8 text-gray-600\">").Append((string?)product["descriptionHtml"]).Append("</p>\n</div>\n");
        DetailsSection(html, details);
        ReviewsSection(html, reviews);
        return Foot(html);
    }

    private static void DetailsSection(StringBuilder html, JsonObject? details)
    {
        html.Append("<div class=\"container mt-8 mx-auto px-4\">\n");
        if (details is null)
        {
            html.Append("  <p class=\"text-2xl text-red-500\">Error fetching product details</p>\n  <p class=\"text-lg text-gray-600\">Sorry, product details are currently unavailable for this book.</p>\n</div>\n");
            return;
        }

        html.Append("  <h4 class=\"text-3xl font-semibold\">Book Details</h4>\n  <table class=\"min-w-full divide-y divide-gray-300\">\n")
            .Append("    <thead><tr><th>ISBN-10</th><th>Publisher</th><th>Pages</th><th>Type</th><th>Language</th></tr></thead>\n")
            .Append("    <tbody><tr><td>").Append(Encode(Text(details["ISBN-10"]))).Append("</td><td>").Append(Encode(Text(details["publisher"])))
            .Append("</td><td>").Append(Encode(Text(details["pages"]))).Append("</td><td>").Append(Encode(Text(details["type"])))
            .Append("</td><td>").Append(Encode(Text(details["language"]))).Append("</td></tr></tbody>\n  </table>\n</div>\n");
    }

    private static void ReviewsSection(StringBuilder html, JsonObject? reviews)
    {
        html.Append("<div class=\"bg-blue-600/5 py-12 mx-auto\">\n  <div class=\"container mx-auto px-4\">\n");
        if (reviews is null)
        {
            html.Append("    <p class=\"text-2xl text-red-500\">Error fetching product reviews</p>\n    <p class=\"text-lg text-gray-600\">Sorry, product reviews are currently unavailable for this book.</p>\n  </div>\n</div>\n");
            return;
        }

        html.Append("    <h4 class=\"text-3xl font-semibold\">Book Reviews</h4>\n");
        foreach (var review in (reviews["reviews"] as JsonArray ?? []).OfType<JsonObject>())
        {
            html.Append("    <section class=\"px-6 py-12\">\n");
            if (review["rating"] is JsonObject rating)
            {
                if (rating["stars"] is JsonValue starsValue && starsValue.TryGetValue<int>(out var stars))
                {
                    var color = (string?)rating["color"] ?? "black";
                    html.Append("      <div class=\"flex gap-x-1 text-").Append(Encode(color)).Append("-500\">\n");
                    for (var i = 0; i < Math.Clamp(stars, 0, 5); i++)
                    {
                        html.Append("        <svg id=\"glyphicon glyphicon-star\" class=\"h-5 w-5 flex-none\" viewBox=\"0 0 20 20\" fill=\"currentColor\" aria-hidden=\"true\"><path d=\"M10 1l2.6 5.9 6.4.6-4.8 4.3 1.4 6.3L10 14.8 4.4 18.1l1.4-6.3L1 7.5l6.4-.6z\"/></svg>\n");
                    }

                    for (var i = Math.Clamp(stars, 0, 5); i < 5; i++)
                    {
                        html.Append("        <svg id=\"glyphicon glyphicon-star-empty\" class=\"h-5 w-5 flex-none\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" aria-hidden=\"true\"><path d=\"M12 2l3 7 7.5.6-5.7 4.9 1.8 7.3L12 17.8 5.4 21.8l1.8-7.3L1.5 9.6 9 9z\"/></svg>\n");
                    }

                    html.Append("      </div>\n");
                }
                else if ((string?)rating["error"] is { } error)
                {
                    html.Append("      <p class=\"text-red-500\">").Append(Encode(error)).Append("</p>\n");
                }
            }

            html.Append("      <blockquote><p>\"").Append(Encode((string?)review["text"])).Append("\"</p></blockquote>\n")
                .Append("      <div class=\"font-semibold text-gray-900\">").Append(Encode((string?)review["reviewer"])).Append("</div>\n")
                .Append("      <div class=\"mt-0.5 text-gray-600 font-mono\">Reviews served by: ").Append(Encode((string?)reviews["podname"])).Append("</div>\n")
                .Append("    </section>\n");
        }

        html.Append("  </div>\n</div>\n");
    }

    private static void Head(StringBuilder html) => html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n<title>Simple Bookstore App</title>\n<script src=\"static/tailwind/tailwind.css\"></script>\n</head>\n<body>\n");

    private static string Foot(StringBuilder html) => html.Append("</body>\n</html>\n").ToString();

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
