using System.Text.RegularExpressions;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>kubectl get prints the server's columns (meta.k8s.io Tables), as on a real cluster.</summary>
[Collection(SandboxCollection.Name)]
public sealed partial class KubectlPrintingTests(SandboxFixture fixture)
{
    private readonly KubectlRunner _kubectl = new(fixture);

    [KubectlFact]
    public async Task Get_pods_prints_ready_2_of_2_running_for_injected_bookinfo()
    {
        var ns = fixture.NewNamespace("ppods");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync($"get pods -n {ns}");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", lines[0]);
        Assert.Equal(6, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^[a-z0-9-]+-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}\s+2/2\s+Running\s+0\s+\d+s$", l));
    }

    [KubectlFact]
    public async Task Get_pods_wide_adds_ip_node_nominated_node_and_readiness_gates()
    {
        var ns = fixture.NewNamespace("pwide");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync($"get pods -n {ns} -l app=ratings -o wide");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$", lines[0]);
        Assert.Matches(@"\s+2/2\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+sandbox-control-plane\s+<none>\s+<none>$", lines[1]);
    }

    [KubectlFact]
    public async Task Get_virtualservices_prints_the_crd_columns_gateways_hosts_age()
    {
        var ns = fixture.NewNamespace("pvs");
        await _kubectl.RunAsync($"apply -n {ns} -f -", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: bookinfo
            spec:
              hosts: ["*"]
              gateways: [bookinfo-gateway]
              http:
              - route:
                - destination:
                    host: productpage

            """);

        var result = await _kubectl.RunAsync($"get vs -n {ns}");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+GATEWAYS\s+HOSTS\s+AGE$", lines[0]);
        Assert.Matches(@"^bookinfo\s+\[""bookinfo-gateway""\]\s+\[""\*""\]\s+\d+s$", lines[1]);
    }

    [KubectlFact]
    public async Task Get_destinationrules_prints_host_and_age()
    {
        var ns = fixture.NewNamespace("pdr");
        await _kubectl.RunAsync($"apply -n {ns} -f -", """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              subsets:
              - name: v1
                labels: {version: v1}

            """);

        var result = await _kubectl.RunAsync($"get dr -n {ns}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"NAME\s+HOST\s+AGE\nreviews\s+reviews\s+\d+s", result.Stdout);
    }

    [KubectlFact]
    public async Task Get_deployments_wide_prints_ready_up_to_date_available_containers_images_selector()
    {
        var ns = fixture.NewNamespace("pdeploy");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync($"get deploy details-v1 -n {ns} -o wide");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR\n", result.Stdout);
        Assert.Matches(@"details-v1\s+1/1\s+1\s+1\s+\S+\s+details\s+docker\.io/istio/examples-bookinfo-details-v1:1\.20\.3\s+app=details,version=v1", result.Stdout);
    }

    [KubectlFact]
    public async Task Get_services_prints_type_cluster_ip_external_ip_and_ports()
    {
        var result = await _kubectl.RunAsync("get svc -n istio-system -o wide");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR\n", result.Stdout);
        Assert.Matches(@"istio-ingressgateway\s+LoadBalancer\s+10\.96\.\d+\.\d+\s+<pending>\s+15021/TCP,80/TCP,443/TCP\s+\S+\s+app=istio-ingressgateway,istio=ingressgateway", result.Stdout);
        Assert.Matches(@"istiod\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+15010/TCP", result.Stdout);
    }

    [KubectlFact]
    public async Task Get_namespaces_serviceaccounts_and_events_print_their_columns()
    {
        var ns = fixture.NewNamespace("pmisc");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var namespaces = await _kubectl.RunAsync("get ns");
        var accounts = await _kubectl.RunAsync($"get sa -n {ns}");
        var events = await _kubectl.RunAsync($"get events -n {ns} --field-selector involvedObject.kind=Deployment");

        Assert.Matches(@"NAME\s+STATUS\s+AGE\n", namespaces.Stdout);
        Assert.Matches($@"{ns}\s+Active\s+", namespaces.Stdout);
        Assert.Matches(@"NAME\s+SECRETS\s+AGE\n", accounts.Stdout);
        Assert.Matches(@"bookinfo-ratings\s+0\s+", accounts.Stdout);
        Assert.True(events.ExitCode == 0, events.ToString());
        Assert.Matches(@"LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n", events.Stdout);
        Assert.Matches(@"Normal\s+ScalingReplicaSet\s+deployment/ratings-v1\s+Scaled up replica set ratings-v1-\w{10} from 0 to 1", events.Stdout);
    }

    [KubectlFact]
    public async Task Get_all_namespaces_names_each_row_namespace_from_the_row_object()
    {
        var ns = fixture.NewNamespace("pall");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync("get pods -A -l app=productpage");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^NAMESPACE\s+NAME\s+READY\s+STATUS", result.Stdout);
        Assert.Matches($@"{ns}\s+productpage-v1-\w+-\w+\s+2/2\s+Running", result.Stdout);
    }
}
