using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;

namespace IstioTutor.Core.Tests.Mesh;

public sealed class IstioValidatorTests
{
    private readonly IstioValidator _validator = new();

    private static JsonObject Resource(string kind, string spec) =>
        JsonNode.Parse($$"""{"apiVersion":"x","kind":"{{kind}}","metadata":{"name":"demo","namespace":"learn-alice"},"spec":{{spec}}}""")!.AsObject();

    public static TheoryData<string, string> ValidSpecs => new()
    {
        { "VirtualService", """{"hosts":["reviews"],"http":[{"match":[{"headers":{"end-user":{"exact":"jason"}},"uri":{"prefix":"/"}}],"route":[{"destination":{"host":"reviews","subset":"v2"}}]},{"fault":{"delay":{"fixedDelay":"7s","percentage":{"value":100}},"abort":{"httpStatus":500,"percentage":{"value":10}}},"timeout":"0.5s","retries":{"attempts":3,"perTryTimeout":"2s","retryOn":"5xx,gateway-error,503"},"route":[{"destination":{"host":"reviews","subset":"v1"},"weight":50},{"destination":{"host":"reviews","subset":"v3"},"weight":50}]}]}""" },
        { "DestinationRule", """{"host":"reviews","trafficPolicy":{"connectionPool":{"tcp":{"maxConnections":1},"http":{"http1MaxPendingRequests":1}},"outlierDetection":{"consecutive5xxErrors":1,"interval":"1s","baseEjectionTime":"3m","maxEjectionPercent":100}},"subsets":[{"name":"v1","labels":{"version":"v1"}}]}""" },
        { "Gateway", """{"selector":{"istio":"ingressgateway"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]},{"port":{"number":443,"name":"https","protocol":"HTTPS"},"hosts":["bookinfo.example.com"],"tls":{"mode":"SIMPLE","credentialName":"bookinfo-cert"}}]}""" },
        { "PeerAuthentication", """{"selector":{"matchLabels":{"app":"reviews"}},"mtls":{"mode":"STRICT"},"portLevelMtls":{"9080":{"mode":"PERMISSIVE"}}}""" },
        { "AuthorizationPolicy", """{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"from":[{"source":{"principals":["cluster.local/ns/learn-alice/sa/bookinfo-productpage"]}}],"to":[{"operation":{"methods":["GET"]}}]}]}""" },
        { "RequestAuthentication", """{"jwtRules":[{"issuer":"testing@secure.istio.io","jwksUri":"https://raw.githubusercontent.com/istio/istio/release-1.20/security/tools/jwt/samples/jwks.json"}]}""" },
        { "ServiceEntry", """{"hosts":["api.example.com"],"ports":[{"number":443,"name":"https","protocol":"TLS"}],"resolution":"DNS","location":"MESH_EXTERNAL"}""" },
        { "WasmPlugin", """{"url":"oci://ghcr.io/example/plugin:1.0","phase":"AUTHN"}""" },
    };

    [Theory]
    [MemberData(nameof(ValidSpecs))]
    public void Valid_specs_pass(string kind, string spec)
    {
        var outcome = _validator.Validate(ResourceKinds.Find(kind)!, Resource(kind, spec));

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors));
    }

    public static TheoryData<string, string, string, string> InvalidSpecs => new()
    {
        { "VirtualService", """{"hosts":["reviews"]}""", "spec", "http, tcp or tls must be provided in virtual service" },
        { "VirtualService", """{"hosts":["*"],"http":[{"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.hosts[0]", "wildcard host * is not allowed for virtual services bound to the mesh gateway" },
        { "VirtualService", """{"hosts":["reviews","reviews"],"http":[{"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.hosts[1]", "duplicate hosts in virtual service: reviews & reviews" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"},"weight":-1},{"destination":{"host":"reviews"},"weight":101}]}]}""", "spec.http[0].route[0].weight", "weight -1 < 0" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"},"weight":0},{"destination":{"host":"ratings"},"weight":0}]}]}""", "spec.http[0].route", "total destination weight = 0" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"route":[{"weight":100}]}]}""", "spec.http[0].route[0].destination", "Required value: destination is required" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"match":[{"uri":{"exact":"/a","prefix":"/b"}}],"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].match[0].uri", "must validate one and only one schema (oneOf): set only one of exact, prefix or regex, found exact and prefix" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"match":[{"uri":{"regex":""}}],"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].match[0].uri.regex", "\"uri\": regex string match should not be empty" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"redirect":{"uri":"/x"},"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0]", "HTTP route cannot contain both route and redirect" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"fault":{"abort":{"httpStatus":500,"percentage":{"value":150}}},"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].fault.abort.percentage.value", "percentage 150 is neither 0.0, nor in range [0.0001, 100.0]" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"fault":{"abort":{"httpStatus":700}},"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].fault.abort.httpStatus", "HTTP status 700 is not in range 200-599" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"fault":{"delay":{"fixedDelay":"0s","percentage":{"value":10}}},"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].fault.delay.fixedDelay", "Invalid value: \"0s\": must be a valid duration greater than 1ms" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"timeout":"soon","route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].timeout", "Invalid value: \"soon\": must be a valid duration greater than 1ms" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"retries":{"attempts":-1},"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].retries.attempts", "attempts cannot be negative" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"retries":{"attempts":2,"retryOn":"5xx,sometimes"},"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].retries.retryOn", "\"sometimes\" is not a valid retryOn policy" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews","subset":"V_1"}}]}]}""", "spec.http[0].route[0].destination.subset", "subset name is invalid: V_1" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews","port":{"number":70000}}}]}]}""", "spec.http[0].route[0].destination.port.number", "port number 70000 must be in the range 1..65535" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"mirror":{"host":"reviews"},"mirrorPercentage":{"value":120},"route":[{"destination":{"host":"reviews"}}]}]}""", "spec.http[0].mirrorPercentage.value", "mirror_percentage must have a max value of 100 (it has 120.000000)" },
        { "VirtualService", """{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"},"weight":"half"}]}]}""", "spec.http[0].route[0].weight", "Invalid value: \"string\": spec.http[0].route[0].weight in body must be of type integer: \"string\"" },
        { "DestinationRule", """{"host":"reviews","subsets":[{"name":"v1"},{"name":"v1"}]}""", "spec.subsets[1].name", "duplicate subset names: v1" },
        { "DestinationRule", """{"host":"reviews","subsets":[{"name":""}]}""", "spec.subsets[0].name", "subset name cannot be empty" },
        { "DestinationRule", """{"host":"reviews","trafficPolicy":{}}""", "spec.trafficPolicy", "traffic policy must have at least one field" },
        { "DestinationRule", """{"host":"reviews","trafficPolicy":{"loadBalancer":{"simple":"FASTEST"}}}""", "spec.trafficPolicy.loadBalancer.simple", "Unsupported value: \"FASTEST\": supported values: \"UNSPECIFIED\", \"LEAST_CONN\", \"RANDOM\", \"PASSTHROUGH\", \"ROUND_ROBIN\", \"LEAST_REQUEST\"" },
        { "DestinationRule", """{"host":"reviews","trafficPolicy":{"connectionPool":{"tcp":{"maxConnections":-1}}}}""", "spec.trafficPolicy.connectionPool.tcp.maxConnections", "max connections must be non-negative" },
        { "DestinationRule", """{"host":"reviews","trafficPolicy":{"outlierDetection":{"maxEjectionPercent":150}}}""", "spec.trafficPolicy.outlierDetection.maxEjectionPercent", "percentage 150 is not in range 0..100" },
        { "DestinationRule", """{"host":"reviews","trafficPolicy":{"outlierDetection":{"interval":"0.5ms"}}}""", "spec.trafficPolicy.outlierDetection.interval", "Invalid value: \"0.5ms\": must be a valid duration greater than 1ms" },
        { "DestinationRule", """{"host":"reviews","trafficPolicy":{"outlierDetection":{"consecutive5xxErrors":-3}}}""", "spec.trafficPolicy.outlierDetection.consecutive5xxErrors", "Invalid value: -3: spec.trafficPolicy.outlierDetection.consecutive5xxErrors in body should be greater than or equal to 0" },
        { "DestinationRule", """{"host":"reviews","trafficPolicy":{"tls":{"mode":"MUTUAL"}}}""", "spec.trafficPolicy.tls.clientCertificate", "client certificate required for mutual tls" },
        { "Gateway", """{"servers":[]}""", "spec.servers", "gateway must have at least one server" },
        { "Gateway", """{"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":[]}]}""", "spec.servers[0].hosts", "server config must contain at least one host" },
        { "Gateway", """{"servers":[{"port":{"number":80,"name":"http","protocol":"SMTP"},"hosts":["*"]}]}""", "spec.servers[0].port.protocol", "invalid protocol \"SMTP\", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP" },
        { "Gateway", """{"servers":[{"port":{"number":443,"name":"https","protocol":"HTTPS"},"hosts":["*"]}]}""", "spec.servers[0].tls", "server must have TLS settings for HTTPS/TLS protocols" },
        { "Gateway", """{"servers":[{"port":{"number":443,"name":"https","protocol":"HTTPS"},"hosts":["*"],"tls":{"mode":"SIMPLE"}}]}""", "spec.servers[0].tls.serverCertificate", "SIMPLE TLS requires a server certificate" },
        { "Gateway", """{"servers":[{"port":{"number":80,"name":"web","protocol":"HTTP"},"hosts":["*"]},{"port":{"number":81,"name":"web","protocol":"HTTP"},"hosts":["*"]}]}""", "spec.servers[1].port.name", "port names in servers must be unique: duplicate name web" },
        { "PeerAuthentication", """{"mtls":{"mode":"SOMETIMES"}}""", "spec.mtls.mode", "Unsupported value: \"SOMETIMES\": supported values: \"UNSET\", \"DISABLE\", \"PERMISSIVE\", \"STRICT\"" },
        { "PeerAuthentication", """{"mtls":{"mode":"STRICT"},"portLevelMtls":{"9080":{"mode":"DISABLE"}}}""", "spec.portLevelMtls", "mesh/namespace peer authentication cannot have port level mTLS" },
        { "PeerAuthentication", """{"selector":{"matchLabels":{"app":"reviews"}},"portLevelMtls":{"0":{"mode":"DISABLE"}}}""", "spec.portLevelMtls[0]", "port must be in range 1..65535" },
        { "AuthorizationPolicy", """{"action":"DENY"}""", "spec.rules", "invalid policy demo.learn-alice: DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request" },
        { "AuthorizationPolicy", """{"action":"CUSTOM","rules":[{}]}""", "spec.provider", "invalid policy demo.learn-alice: `provider.name` must not be empty" },
        { "AuthorizationPolicy", """{"action":"ALLOW","provider":{"name":"ext"},"rules":[{}]}""", "spec.provider", "invalid policy demo.learn-alice: `provider` must not be with non CUSTOM action, found ALLOW" },
        { "AuthorizationPolicy", """{"rules":[{"from":[]}]}""", "spec.rules[0].from", "invalid policy demo.learn-alice: `from` must not be empty, found at rule 0" },
        { "AuthorizationPolicy", """{"rules":[{"to":[{"operation":{}}]}]}""", "spec.rules[0].to[0].operation", "invalid policy demo.learn-alice: `to.operation` must not be empty, found at rule 0" },
        { "AuthorizationPolicy", """{"action":"MAYBE","rules":[{}]}""", "spec.action", "Unsupported value: \"MAYBE\": supported values: \"ALLOW\", \"DENY\", \"AUDIT\", \"CUSTOM\"" },
        { "RequestAuthentication", """{"jwtRules":[{"audiences":["a"]}]}""", "spec.jwtRules[0].issuer", "issuer or jwksUri must be non-empty string" },
        { "RequestAuthentication", """{"jwtRules":[{"issuer":"x","jwksUri":"https://a/jwks","jwks":"{}"}]}""", "spec.jwtRules[0]", "only one of jwks or jwksUri can be set" },
        { "RequestAuthentication", """{"jwtRules":[{"issuer":"x","fromHeaders":[{"name":""}]}]}""", "spec.jwtRules[0].fromHeaders[0].name", "location header name must be non-empty string" },
        { "ServiceEntry", """{"hosts":[],"ports":[{"number":80,"name":"http","protocol":"HTTP"}]}""", "spec.hosts", "service entry must have at least one host" },
        { "ServiceEntry", """{"hosts":["a.example.com"],"ports":[{"number":80,"name":"http","protocol":"HTTP"},{"number":80,"name":"web","protocol":"HTTP"}]}""", "spec.ports[1].number", "service entry port 80 already defined" },
        { "WasmPlugin", """{"phase":"AUTHN"}""", "spec.url", "url field needs to be set" },
        { "WasmPlugin", """{"url":"oci://x/y","phase":"EARLY"}""", "spec.phase", "Unsupported value: \"EARLY\": supported values: \"UNSPECIFIED_PHASE\", \"AUTHN\", \"AUTHZ\", \"STATS\"" },
        { "WorkloadEntry", """{"ports":{"http":80}}""", "spec.address", "address is required" },
        { "Telemetry", """{"tracing":[{"randomSamplingPercentage":101}]}""", "spec.tracing[0].randomSamplingPercentage", "randomSamplingPercentage must be in range [0.0, 100.0]" },
        { "Sidecar", """{"egress":[{"hosts":["reviews"]}]}""", "spec.egress[0].hosts[0]", "sidecar: host must be of form namespace/dnsName: \"reviews\"" },
        { "EnvoyFilter", """{"configPatches":[{"applyTo":"HTTP_FILTER","patch":{"operation":"MERGE"}}]}""", "spec.configPatches[0].patch.value", "Envoy filter: missing patch value for non-remove operation" },
        { "WorkloadGroup", """{}""", "spec.template", "template is required" },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void Each_invalid_spec_is_refused_with_the_field_path_and_Istios_message(string kind, string spec, string field, string message)
    {
        var outcome = _validator.Validate(ResourceKinds.Find(kind)!, Resource(kind, spec));

        Assert.Contains(new FieldCause(field, message), outcome.Errors);
    }

    [Fact]
    public void Unknown_spec_fields_are_warnings_and_named_for_strict_validation()
    {
        var resource = Resource("VirtualService", """{"hosts":["reviews"],"http":[{"rout":[],"route":[{"destination":{"host":"reviews"},"wieght":5}]}]}""");

        var outcome = _validator.Validate(ResourceKinds.VirtualService, resource);
        var unknown = _validator.FindUnknownFields(ResourceKinds.VirtualService, resource);

        Assert.True(outcome.IsValid);
        Assert.Contains(outcome.Warnings, w => w.Contains("unknown field \"spec.http[0].rout\"", StringComparison.Ordinal));
        Assert.Equal(["spec.http[0].rout", "spec.http[0].route[0].wieght"], unknown.Select(u => u.Field));
    }

    [Fact]
    public void A_rule_after_a_catch_all_is_warned_as_unreachable()
    {
        var outcome = _validator.Validate(ResourceKinds.VirtualService, Resource("VirtualService", """{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"}}]},{"match":[{"uri":{"prefix":"/x"}}],"route":[{"destination":{"host":"reviews"}}]}]}"""));

        Assert.True(outcome.IsValid);
        Assert.Contains(outcome.Warnings, w => w.Contains("virtualService rule #1 not used (route without matches defined before)", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_istio_kinds_are_not_judged()
    {
        Assert.True(_validator.Validate(ResourceKinds.Pod, new JsonObject()).IsValid);
    }
}
