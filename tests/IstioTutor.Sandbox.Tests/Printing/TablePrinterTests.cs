using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Printing;
using IstioTutor.Sandbox.Schemas;

namespace IstioTutor.Sandbox.Tests.Printing;

/// <summary>Columns read from the embedded CRDs, for kinds kubectl tests cannot reach yet (the Gateway API ones).</summary>
public sealed class TablePrinterTests
{
    private static readonly CrdSchemas Crds = CrdSchemas.Load();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly TablePrinter _printer = new(Crds, new FixedTime(Now));

    private static ServedResource Served(ResourceKind kind) => new(kind, [], ServedAccess.Writable);

    [Fact]
    public void A_gateway_api_gateway_prints_class_address_programmed_age()
    {
        var gateway = JsonNode.Parse("""
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"name":"web","creationTimestamp":"2026-12-06T09:55:00Z"},
             "spec":{"gatewayClassName":"istio"},
             "status":{"addresses":[{"type":"IPAddress","value":"10.96.0.20"}],"conditions":[{"type":"Accepted","status":"True"},{"type":"Programmed","status":"True"}]}}
            """)!.AsObject();

        var table = _printer.Table(Served(ResourceKinds.K8sGateway), [gateway], "7", RowObject.Metadata);

        Assert.Equal(["Name", "Class", "Address", "Programmed", "Age"], table["columnDefinitions"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal(["web", "istio", "10.96.0.20", "True", "5m"], table["rows"]![0]!["cells"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("PartialObjectMetadata", (string?)table["rows"]![0]!["object"]!["kind"]);
    }

    [Fact]
    public void An_httproute_prints_hostnames_and_a_gateway_class_its_controller_and_acceptance()
    {
        Assert.Equal(["Name", "Hostnames", "Age"], _printer.Columns(Served(ResourceKinds.HttpRoute)).Select(c => c.Name));
        Assert.Equal(["Name", "Controller", "Accepted", "Age", "Description"], _printer.Columns(Served(ResourceKinds.GatewayClass)).Select(c => c.Name));
        Assert.Equal(1, _printer.Columns(Served(ResourceKinds.GatewayClass)).Single(c => c.Name == "Description").Priority);
    }

    [Fact]
    public void A_crd_without_printer_columns_prints_name_and_age()
    {
        Assert.Equal(["Name", "Age"], _printer.Columns(Served(ResourceKinds.Sidecar)).Select(c => c.Name));
    }

    [Fact]
    public void Include_object_none_leaves_rows_without_objects()
    {
        var vs = JsonNode.Parse("""{"kind":"VirtualService","metadata":{"name":"r"},"spec":{"hosts":["r"]}}""")!.AsObject();

        var table = _printer.Table(Served(ResourceKinds.VirtualService), [vs], null, RowObject.None);

        Assert.Null(table["rows"]![0]!["object"]);
        Assert.Null(table["rows"]![0]!["cells"]![1]);
        Assert.Equal("[\"r\"]", (string?)table["rows"]![0]!["cells"]![2]);
    }

    [Fact]
    public void The_httproute_schema_describes_spec_rules()
    {
        var schema = Crds.Find("gateway.networking.k8s.io", "HTTPRoute", "v1")!.Schema;

        Assert.NotNull(schema["properties"]!["spec"]!["properties"]!["rules"]!["items"]!["properties"]!["backendRefs"]);
    }

    [Theory]
    [InlineData(59, "59s")]
    [InlineData(150, "2m30s")]
    [InlineData(600, "10m")]
    [InlineData(4 * 3600 + 120, "4h2m")]
    [InlineData(3 * 86400 + 3600, "3d1h")]
    public void Ages_print_as_kubernetes_prints_them(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
