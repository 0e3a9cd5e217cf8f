using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Telemetry;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>Whether a sidecar writes access log lines: Telemetry's most specific accessLogging, else the mesh config.</summary>
public sealed class AccessLogPolicyTests
{
    private const string MeshWide = """{"kind":"Telemetry","metadata":{"name":"mesh-default","namespace":"istio-system"},"spec":{"accessLogging":[{"providers":[{"name":"envoy"}]}]}}""";

    private static (MeshModel Model, WorkloadInfo Reviews) Setup(string[] config, string[] root)
    {
        var model = MeshModel.From(Bookinfo.Snapshot([.. config.Select(Bookinfo.Config)], [.. root.Select(Bookinfo.Config)]));
        return (model, model.Workloads.First(w => w.App == "reviews"));
    }

    [Fact]
    public void Without_Telemetry_the_mesh_configs_access_log_file_decides()
    {
        var (model, reviews) = Setup([], []);

        Assert.False(AccessLogPolicy.IsOn(model, reviews, outbound: true, meshAccessLogFile: null));
        Assert.True(AccessLogPolicy.IsOn(model, reviews, outbound: true, meshAccessLogFile: "/dev/stdout"));
    }

    [Fact]
    public void A_root_namespace_Telemetry_turns_logging_on_mesh_wide()
    {
        var (model, reviews) = Setup([], [MeshWide]);

        Assert.True(AccessLogPolicy.IsOn(model, reviews, outbound: false, meshAccessLogFile: null));
    }

    [Fact]
    public void A_namespace_Telemetry_that_disables_logging_overrides_the_mesh_wide_one()
    {
        var (model, reviews) = Setup(["""{"kind":"Telemetry","metadata":{"name":"quiet","namespace":"NS"},"spec":{"accessLogging":[{"providers":[{"name":"envoy"}],"disabled":true}]}}"""], [MeshWide]);

        Assert.False(AccessLogPolicy.IsOn(model, reviews, outbound: true, meshAccessLogFile: null));
    }

    [Fact]
    public void A_workload_Telemetry_applies_to_the_pods_it_selects_only()
    {
        var (model, reviews) = Setup(["""{"kind":"Telemetry","metadata":{"name":"reviews-logs","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"accessLogging":[{"providers":[{"name":"envoy"}]}]}}"""], []);
        var details = model.Workloads.First(w => w.App == "details");

        Assert.True(AccessLogPolicy.IsOn(model, reviews, outbound: true, meshAccessLogFile: null));
        Assert.False(AccessLogPolicy.IsOn(model, details, outbound: true, meshAccessLogFile: null));
    }

    [Fact]
    public void A_match_mode_limits_logging_to_one_side()
    {
        var (model, reviews) = Setup(["""{"kind":"Telemetry","metadata":{"name":"server-only","namespace":"NS"},"spec":{"accessLogging":[{"providers":[{"name":"envoy"}],"match":{"mode":"SERVER"}}]}}"""], []);

        Assert.False(AccessLogPolicy.IsOn(model, reviews, outbound: true, meshAccessLogFile: null));
        Assert.True(AccessLogPolicy.IsOn(model, reviews, outbound: false, meshAccessLogFile: null));
    }
}
