using System.Text.Json;
using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Schemas;

namespace IstioTutor.Sandbox.Printing;

/// <summary>
/// Server-side printing: turns objects into a meta.k8s.io/v1 Table with the columns a real cluster prints,
/// built-in printers for core and apps kinds, the CRDs' additionalPrinterColumns for Istio and Gateway API
/// kinds (a CRD without any prints NAME and AGE, as kube-apiserver's default does).
/// </summary>
internal sealed class TablePrinter(CrdSchemas crds, TimeProvider time)
{
    public IReadOnlyList<TableColumn> Columns(ServedResource r)
    {
        if (BuiltInColumns.For(r.Group, r.Kind.Kind) is { } builtIn)
        {
            return builtIn;
        }

        var crd = crds.Find(r.Group, r.Kind.Kind, r.Version);
        if (crd is null || crd.Columns.Count == 0)
        {
            return [BuiltInColumns.Name, BuiltInColumns.Age];
        }

        return [BuiltInColumns.Name, .. crd.Columns.Select(CrdColumn)];
    }

    /// <summary>A Table of <paramref name="objects"/>; <paramref name="withHeaders"/> false leaves columnDefinitions empty (later watch events).</summary>
    public JsonObject Table(ServedResource r, IEnumerable<JsonObject> objects, string? resourceVersion, RowObject include, bool withHeaders = true)
    {
        var columns = Columns(r);
        var now = time.GetUtcNow();
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var row = new JsonObject { ["cells"] = new JsonArray(columns.Select(c => c.Cell(obj, now)).ToArray()) };
            switch (include)
            {
                case RowObject.Object:
                    row["object"] = obj.DeepClone();
                    break;
                case RowObject.Metadata:
                    row["object"] = new JsonObject
                    {
                        ["kind"] = "PartialObjectMetadata",
                        ["apiVersion"] = "meta.k8s.io/v1",
                        ["metadata"] = obj["metadata"]?.DeepClone(),
                    };
                    break;
            }

            rows.Add(row);
        }

        var metadata = new JsonObject();
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = withHeaders ? new JsonArray(columns.Select(c => (JsonNode)c.Definition()).ToArray()) : new JsonArray(),
            ["rows"] = rows,
        };
    }

    /// <summary>Turns a List or single object reply into a Table.</summary>
    public JsonObject Table(ServedResource r, JsonNode body, RowObject include)
    {
        if (body is JsonObject list && list["items"] is JsonArray items)
        {
            return Table(r, items.OfType<JsonObject>(), (string?)list["metadata"]?["resourceVersion"], include);
        }

        var single = (JsonObject)body;
        return Table(r, [single], (string?)single["metadata"]?["resourceVersion"], include);
    }

    /// <summary>As apiextensions-apiserver's table convertor: the first JSONPath match; strings print as JSONPath prints them, dates as ages.</summary>
    private static TableColumn CrdColumn(PrinterColumn column) => new(column.Name, column.Type, column.Format, column.Description, column.Priority, (obj, now) =>
    {
        var value = SimpleJsonPath.Select(obj, column.JsonPath).FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (column.Type == "date")
        {
            return value is JsonValue date && date.TryGetValue<string>(out var timestamp) ? HumanDuration.Since(timestamp, now) : null;
        }

        if (column.Type == "string")
        {
            return value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? (string?)text : value.ToJsonString();
        }

        return value.DeepClone();
    });
}
