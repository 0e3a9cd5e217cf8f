using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Turn on Envoy access logs for the namespace with the Telemetry API.</summary>
public sealed class TelemetryAccessLogsLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "telemetry-access-logs",
        Stage.Intermediate,
        10,
        CoreForPromotion: false,
        new("Access logs with the Telemetry API", "Telemetry API 로 액세스 로그 켜기"),
        new("Enable Envoy access logging for every workload in your namespace with a Telemetry resource using the built-in envoy provider.", "내장 envoy 프로바이더를 쓰는 Telemetry 리소스로 네임스페이스의 모든 워크로드에 Envoy 액세스 로그를 켜세요."),
        [
            new("Write a Telemetry named namespace-logs in your namespace, with no selector, and accessLogging: [{providers: [{name: envoy}]}].", "selector 없이 accessLogging: [{providers: [{name: envoy}]}] 인 Telemetry namespace-logs 를 씁니다."),
            new("Send some traffic with /simulate and /check telemetry-access-logs.", "/simulate 로 트래픽을 보내고 /check telemetry-access-logs 를 실행합니다."),
        ],
        [
            new("A Telemetry in the root namespace applies mesh-wide; in your namespace it applies to your workloads (learners cannot write the root namespace).", "루트 네임스페이스의 Telemetry 는 메시 전체에, 내 네임스페이스의 것은 내 워크로드에 적용됩니다(학습자는 루트에 쓸 수 없습니다)."),
            new("disabled: true turns logging off; leave it out to turn logging on.", "disabled: true 는 로그를 끕니다. 켜려면 생략하세요."),
            new("The provider name envoy is built in; it writes to the proxy's stdout.", "envoy 프로바이더는 내장이며 프록시의 stdout 에 씁니다."),
        ],
        ["Telemetry"],
        [
            """
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata:
              name: namespace-logs
            spec:
              accessLogging:
              - providers:
                - name: envoy
            """,
        ],
        new("The simulated cluster runs no Envoy, so no log line was read: the check verified the Telemetry resource (scope, provider, not disabled) and the analyzer, and simulated the traffic that would be logged.", "시뮬레이션 클러스터에는 Envoy가 없어 로그 줄은 읽지 않았습니다. Telemetry 리소스(범위, 프로바이더, disabled 아님)와 분석을 확인하고 기록될 트래픽을 시뮬레이션했습니다."));

    public void Check(LabContext context, LabFindings findings)
    {
        var wide = context.Config("Telemetry").Where(t => t["spec"]?["selector"] is null && t["spec"]?["targetRef"] is null && t["spec"]?["targetRefs"] is null).ToList();
        var logging = wide.SelectMany(t => (t["spec"]?["accessLogging"] as JsonArray ?? []).OfType<JsonObject>()).ToList();
        var envoy = logging.Where(l => (l["providers"] as JsonArray ?? []).Any(p => JsonFields.Str(p?["name"]) == "envoy")).ToList();
        if (!findings.Expect(
            envoy.Count > 0,
            ("A namespace-wide Telemetry configures access logging with the envoy provider.", "네임스페이스 전체 Telemetry 가 envoy 프로바이더로 액세스 로그를 설정합니다."),
            (wide.Count == 0 ? "No Telemetry without a selector exists in your namespace." : "The namespace-wide Telemetry has no accessLogging entry with provider envoy.", wide.Count == 0 ? "네임스페이스에 selector 없는 Telemetry 가 없습니다." : "네임스페이스 전체 Telemetry 에 provider envoy 인 accessLogging 이 없습니다."),
            (Definition.Steps[0].En, Definition.Steps[0].Ko)))
        {
            return;
        }

        findings.Expect(
            envoy.All(l => l["disabled"]?.ToString() != "true"),
            ("Logging is not disabled.", "로그가 꺼져 있지 않습니다."),
            ("The accessLogging entry has disabled: true, which turns access logs off.", "accessLogging 항목에 disabled: true 가 있어 로그가 꺼집니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
        var problems = context.Problems("Telemetry");
        findings.Expect(
            problems.Count == 0,
            ("istioctl analyze finds no problem with the Telemetry resource.", "istioctl analyze 가 Telemetry 에서 문제를 찾지 못했습니다."),
            ("Analysis reports: " + string.Join(" | ", problems), "분석 결과: " + string.Join(" | ", problems)),
            ("Fix what the analyzer names (run /analyze).", "분석기가 가리키는 문제를 고치세요(/analyze)."));
        var traffic = context.Simulate(new SimulationRequest("productpage") { Requests = 10 });
        findings.Expect(
            traffic is not null && traffic.CountOf(200) > 0,
            ($"{traffic?.CountOf(200)} simulated requests to productpage would each produce an access log line.", $"시뮬레이션한 productpage 요청 {traffic?.CountOf(200)}개가 각각 액세스 로그 한 줄을 남깁니다."),
            ("No simulated request reached productpage, so there would be nothing to log.", "시뮬레이션 요청이 productpage 에 닿지 않아 기록할 것이 없습니다."),
            ("Run /simulate productpage.", "/simulate productpage 를 실행하세요."));
    }
}
