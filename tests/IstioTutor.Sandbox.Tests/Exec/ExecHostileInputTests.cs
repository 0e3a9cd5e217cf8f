using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.Exec;

/// <summary>Whatever is sent to exec is answered by the simulated shell: nothing runs on the host and the server stays up.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ExecHostileInputTests(SandboxFixture fixture)
{
    private const string Target = "deploy/ratings-v1";

    [KubectlFact]
    public async Task Rm_rf_root_is_not_found_in_a_shell_or_as_a_command()
    {
        var shell = await PodShell.CreateAsync(fixture, "hrm");
        var marker = Path.Combine(Path.GetTempPath(), "istiotutor-exec-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(marker, "still here");

        var scripted = await shell.ExecAsync(Target, "sh", "-c", $"rm -rf / ; rm -f {marker}");
        var direct = await shell.ExecAsync(Target, "rm", "-rf", "/");

        Assert.Equal(127, scripted.ExitCode);
        Assert.Contains("sh: rm: not found", scripted.Stderr, StringComparison.Ordinal);
        Assert.Equal(127, direct.ExitCode);
        Assert.Contains("exec: \"rm\": executable file not found in $PATH", direct.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(marker));
        File.Delete(marker);
        await AssertHealthyAsync(shell);
    }

    [KubectlFact]
    public async Task Backticks_are_refused_and_nothing_in_the_script_runs()
    {
        var shell = await PodShell.CreateAsync(fixture, "hback");

        var result = await shell.ExecAsync(Target, "sh", "-c", "echo before; echo `id`");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("sh: command substitution with backticks is not run by the sandbox shell", result.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Command_substitution_other_than_seq_is_refused()
    {
        var shell = await PodShell.CreateAsync(fixture, "hsubst");

        var result = await shell.ExecAsync(Target, "sh", "-c", "curl -s $(cat /var/run/secrets/kubernetes.io/serviceaccount/token)");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("only $(seq FIRST LAST) is", result.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task A_very_long_script_is_answered_with_the_limit_and_the_server_stays_healthy()
    {
        var shell = await PodShell.CreateAsync(fixture, "hlong");

        var result = await shell.ExecAsync(Target, "sh", "-c", "echo " + new string('a', 40_000));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the sandbox shell runs scripts up to 16384", result.Stderr, StringComparison.Ordinal);
        await AssertHealthyAsync(shell);
    }

    [KubectlFact]
    public async Task Binary_arguments_and_binary_stdin_are_answered_without_running()
    {
        var shell = await PodShell.CreateAsync(fixture, "hbin");

        var argument = await shell.ExecAsync(Target, "\u0001\u0002\u00ffbin");
        var stdin = await new KubectlRunner(fixture).RunArgumentsAsync(["exec", "-i", "-n", shell.Namespace, Target, "--", "sh"], "\u0001\u0002\u0003echo hi\n");

        Assert.Equal(127, argument.ExitCode);
        Assert.Contains("exec: \"\\x01\\x02", argument.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, stdin.ExitCode);
        Assert.Contains("binary (control) characters", stdin.Stderr, StringComparison.Ordinal);
        await AssertHealthyAsync(shell);
    }

    [KubectlFact]
    public async Task A_huge_loop_is_cut_at_the_sandbox_limit()
    {
        var shell = await PodShell.CreateAsync(fixture, "hloop");

        var result = await shell.ExecAsync(Target, "sh", "-c", "for i in $(seq 1 999); do for j in $(seq 1 999); do echo $i$j; done; done");

        Assert.Equal(124, result.ExitCode);
        Assert.Contains("sandbox: more than 2000 commands in one exec; the rest was not run", result.Stderr, StringComparison.Ordinal);
        await AssertHealthyAsync(shell);
    }

    [KubectlFact]
    public async Task A_script_on_standard_input_runs_in_the_simulated_shell()
    {
        var shell = await PodShell.CreateAsync(fixture, "hstdin");

        var result = await new KubectlRunner(fixture).RunArgumentsAsync(["exec", "-i", "-n", shell.Namespace, Target, "--", "sh"], "echo from-stdin && hostname | grep -c ratings\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("from-stdin\n1\n", result.Stdout);
    }

    [KubectlFact]
    public async Task Redirection_to_a_file_is_refused_as_a_read_only_filesystem()
    {
        var shell = await PodShell.CreateAsync(fixture, "hredir");

        var result = await shell.ExecAsync(Target, "sh", "-c", "echo owned > /etc/passwd");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sh: can't create /etc/passwd: Read-only file system", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task AssertHealthyAsync(PodShell shell)
    {
        var after = await shell.ExecAsync(Target, "sh", "-c", "echo alive");
        Assert.Equal("alive\n", after.Stdout);
        var pods = await shell.RunAsync("get", "pods", "-o", "name");
        Assert.True(pods.ExitCode == 0, pods.ToString());
    }
}
