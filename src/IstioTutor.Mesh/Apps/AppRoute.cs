namespace IstioTutor.Mesh.Apps;

/// <summary>A request's path split from its query string, with the query decoded.</summary>
internal sealed record AppRoute(string Path, IReadOnlyList<KeyValuePair<string, string>> Query)
{
    public static AppRoute Parse(string pathAndQuery)
    {
        var mark = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = mark < 0 ? pathAndQuery : pathAndQuery[..mark];
        var query = mark < 0 ? [] : FormFields(pathAndQuery[(mark + 1)..]);
        return new AppRoute(path.Length == 0 ? "/" : path, query);
    }

    /// <summary>application/x-www-form-urlencoded fields (a query string or a form body).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FormFields(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(kv => KeyValuePair.Create(Decode(kv[0]), kv.Length > 1 ? Decode(kv[1]) : ""))
                .ToList();

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
