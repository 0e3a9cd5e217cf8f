using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace IstioTutor.Cli.Tests.Serve;

/// <summary>
/// The long-running commands started as real processes, the way the README starts them: each binds a free port
/// on 127.0.0.1 and a temp data directory, and is killed afterwards.
/// </summary>
public sealed class ServeCommandTests(IstiotutorProcess cli) : IClassFixture<IstiotutorProcess>
{
    private static readonly TimeSpan StartUp = TimeSpan.FromMinutes(4);

    private static IReadOnlyDictionary<string, string> NoSettings => new Dictionary<string, string>();

    [Fact]
    public async Task Serve_started_as_the_readme_says_answers_healthz_and_the_web_chat()
    {
        var port = LongRunningProcess.FreePort();
        await using var serve = LongRunningProcess.Start(RepositoryRoot(), NoSettings,
            "run", "--project", "src/IstioTutor.Cli", "--", "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", cli.NewDataDirectory());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        using var health = await serve.WaitForAsync(http, "healthz", StartUp);
        var page = await http.GetStringAsync("");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("<script src=\"/webchat/app.js\"></script>", page, StringComparison.Ordinal);
        Assert.Contains($"IstioTutor is serving on http://127.0.0.1:{port}/", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_answers_503_naming_the_cluster_check_when_the_cluster_cannot_be_reached()
    {
        var data = cli.NewDataDirectory();
        var kubeconfig = Path.Combine(data, "unreachable.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: gone
              cluster:
                server: http://127.0.0.1:{{LongRunningProcess.FreePort()}}
            contexts:
            - name: gone
              context: {cluster: gone, user: nobody}
            current-context: gone
            users:
            - name: nobody
              user: {token: not-a-real-token}
            """);
        var port = LongRunningProcess.FreePort();
        await using var serve = LongRunningProcess.Start(cli.DataRoot,
            new Dictionary<string, string> { ["ISTIOTUTOR_Mesh__Mode"] = "kubeconfig", ["ISTIOTUTOR_Mesh__Kubeconfig"] = kubeconfig },
            cli.Dll, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await serve.WaitForAsync(http, "healthz", StartUp);

        using var ready = await http.GetAsync("readyz");
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
        Assert.Contains("not reachable", report.GetProperty("checks").GetProperty("cluster").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("knowledge").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Serve_with_a_half_configured_bot_section_exits_2_naming_the_missing_key()
    {
        var (exit, stdout, stderr) = await cli.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["ISTIOTUTOR_Bot__MicrosoftAppPassword"] = "a-secret-without-an-app-id" },
            null, "serve", "--port", "0", "--data", cli.NewDataDirectory());

        Assert.Equal(2, exit);
        Assert.Contains("Bot:MicrosoftAppId", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("IstioTutor is serving", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentor_dashboard_is_closed_when_no_mentor_token_is_configured()
    {
        var port = LongRunningProcess.FreePort();
        await using var serve = LongRunningProcess.Start(cli.DataRoot, NoSettings,
            cli.Dll, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", cli.NewDataDirectory());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await serve.WaitForAsync(http, "healthz", StartUp);

        using var signIn = await http.GetAsync("mentor/signin");
        using var post = await http.PostAsync("mentor/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "" }));
        using var data = await http.GetAsync("mentor/cohorts/any/report.json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.Contains("Mentor dashboard closed", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
    }

    [Fact]
    public async Task Eval_scores_the_engine_against_the_evaluation_set_beside_the_baseline()
    {
        var (exit, stdout, stderr) = await cli.RunAsync(null, "eval", "--json", "--questions", Path.Combine(RepositoryRoot(), "tests", "eval", "questions.yaml"), "--data", cli.NewDataDirectory());

        Assert.True(exit == 0, stderr);
        var summary = JsonDocument.Parse(stdout).RootElement;
        var systems = summary.GetProperty("systems");
        Assert.True(summary.GetProperty("questions").GetInt32() > 20, stdout);
        Assert.Equal(2, systems.GetArrayLength());
        Assert.All(systems.EnumerateArray(), s => Assert.True(s.GetProperty("answerable").GetInt32() > 0, stdout));
        Assert.InRange(systems[0].GetProperty("hitRate").GetDouble(), 0.5, 1.0);
    }

    [Fact]
    public async Task Sandbox_serve_is_found_and_reused_by_a_second_process_on_the_same_data()
    {
        var data = cli.NewDataDirectory();
        await using var sandbox = LongRunningProcess.Start(cli.DataRoot, NoSettings, cli.Dll, "sandbox", "serve", "--port", "0", "--data", data);
        var kubeconfig = Path.Combine(data, "sandbox.kubeconfig");
        for (var deadline = DateTime.UtcNow + StartUp; !File.Exists(kubeconfig) && DateTime.UtcNow < deadline && !sandbox.HasExited;)
        {
            await Task.Delay(250);
        }

        Assert.True(File.Exists(kubeconfig), $"sandbox serve wrote no kubeconfig.\n{sandbox.Output}\n{sandbox.Errors}");
        // Through the kubeconfig the first process wrote, a real kubectl puts a marker into a learner's namespace...
        var ns = "learn-reuser";
        await Kubectl(kubeconfig, null, "create", "namespace", ns);
        await Kubectl(kubeconfig, """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: made-by-kubectl
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination:
                    host: reviews
            """, "apply", "-n", ns, "-f", "-");

        // ...and a second istiotutor process on the same --data sees it: it used the running sandbox, not one of its own.
        var (exit, stdout, stderr) = await cli.RunAsync(null, "ask", "--learner", "reuser", "--data", data, "/get vs");

        Assert.True(exit == 0, stderr);
        Assert.Contains("made-by-kubectl", stdout, StringComparison.Ordinal);
    }

    private static async Task<string> Kubectl(string kubeconfig, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KUBECONFIG"] = kubeconfig;
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {await stderr}");
        return await stdout;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IstioTutor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("IstioTutor.sln above the test output");
    }
}
