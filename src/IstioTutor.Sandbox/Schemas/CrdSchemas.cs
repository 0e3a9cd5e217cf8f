using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Schemas;

/// <summary>
/// The upstream CRD definitions of Istio's and the Gateway API's kinds (openAPIV3Schema and
/// additionalPrinterColumns of every served version), embedded as <c>crd-schemas.json</c>. They are API
/// data under the Apache-2.0 licence, extracted by <c>extract_crd_schemas.py</c> (see the README there).
/// </summary>
internal sealed class CrdSchemas
{
    private readonly Dictionary<(string Group, string Kind, string Version), CrdVersion> versions = [];

    private CrdSchemas(JsonObject document)
    {
        foreach (var crd in document["crds"]!.AsArray().OfType<JsonObject>())
        {
            var group = (string)crd["group"]!;
            var kind = (string)crd["kind"]!;
            var byName = new Dictionary<string, JsonObject>();
            foreach (var v in crd["versions"]!.AsArray().OfType<JsonObject>())
            {
                var name = (string)v["name"]!;
                var schema = v["schema"] as JsonObject ?? byName[(string)v["sameAs"]!];
                byName[name] = schema;
                var columns = v["columns"]!.AsArray().OfType<JsonObject>()
                    .Select(c => new PrinterColumn(
                        (string)c["name"]!,
                        (string)c["type"]!,
                        (string)c["jsonPath"]!,
                        (string?)c["description"] ?? "",
                        (int?)c["priority"] ?? 0,
                        (string?)c["format"] ?? ""))
                    .ToList();
                versions[(group, kind, name)] = new CrdVersion(schema, columns);
            }
        }
    }

    /// <summary>Reads the embedded document; the sandbox does this once when it starts.</summary>
    public static CrdSchemas Load()
    {
        using var stream = typeof(CrdSchemas).Assembly.GetManifestResourceStream("IstioTutor.Sandbox.Schemas.crd-schemas.json")
            ?? throw new InvalidOperationException("The sandbox assembly lacks its embedded crd-schemas.json: rebuild IstioTutor.Sandbox.");
        return new CrdSchemas(JsonNode.Parse(stream)!.AsObject());
    }

    /// <summary>The CRD's definition at <paramref name="version"/>; when the bundled CRD does not serve that version, its first one.</summary>
    public CrdVersion? Find(string group, string kind, string version) =>
        versions.TryGetValue((group, kind, version), out var found) ? found
        : versions.FirstOrDefault(v => v.Key.Group == group && v.Key.Kind == kind).Value;
}

/// <summary>One served version of a CRD: its schema (shared, never mutate it) and printer columns.</summary>
internal sealed record CrdVersion(JsonObject Schema, IReadOnlyList<PrinterColumn> Columns);

/// <summary>An additionalPrinterColumns entry.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority, string Format);
