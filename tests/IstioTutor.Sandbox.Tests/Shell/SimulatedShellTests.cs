namespace IstioTutor.Sandbox.Tests.Shell;

/// <summary>The simulated shell and its curl, run in-process against a seeded namespace.</summary>
public sealed class SimulatedShellTests(ShellHost host) : IClassFixture<ShellHost>
{
    [Fact]
    public void And_or_and_semicolons_run_as_sh_runs_them()
    {
        var result = host.Sh("false && echo no; false || echo yes; true && echo also");

        Assert.Equal("yes\nalso\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Quotes_keep_words_together_and_variables_expand_outside_single_quotes()
    {
        var result = host.Sh("""echo "host: $HOSTNAME" '$HOSTNAME' a\ b""");

        Assert.StartsWith("host: ratings-v1-", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(" $HOSTNAME a b\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_for_loop_over_seq_runs_its_body_each_time_with_the_variable_set()
    {
        var result = host.Sh("for i in $(seq 1 3); do echo n$i; done");

        Assert.Equal("n1\nn2\nn3\n", result.Stdout);
    }

    [Fact]
    public void A_pipe_feeds_curls_body_to_grep()
    {
        var result = host.Sh("curl -s productpage:9080/productpage | grep -o '<title>.*</title>'");

        Assert.Equal("<title>Simple Bookstore App</title>\n", result.Stdout);
    }

    [Fact]
    public void Curl_include_prints_the_status_line_and_Envoys_headers_before_the_body()
    {
        var result = host.Run("ratings", "curl", "-si", "details:9080/details/0");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("server: envoy\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("x-envoy-upstream-service-time: ", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\"ISBN-13\":\"123-1234567890\"}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Curl_write_out_expands_its_variables_and_escapes()
    {
        var result = host.Run("ratings", "curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{method} %{content_type}\\n", "details:9080/details/0");

        Assert.Equal("200 GET application/json\n", result.Stdout);
    }

    [Fact]
    public void Curl_fail_exits_22_on_an_error_status()
    {
        var result = host.Run("ratings", "curl", "-sSf", "details:9080/nothing");

        Assert.Equal(22, result.ExitCode);
        Assert.Equal("curl: (22) The requested URL returned error: 404\n", result.Stderr);
    }

    [Fact]
    public void Curl_location_follows_productpages_sign_in_redirect()
    {
        var result = host.Run("ratings", "curl", "-sL", "-c", "/tmp/jar", "-d", "username=jason&passwd=x", "-o", "/dev/null", "-w", "%{http_code} %{num_redirects}", "productpage:9080/login");

        Assert.Equal("200 1", result.Stdout);
    }

    [Fact]
    public void An_unknown_curl_option_is_named_with_exit_2()
    {
        var result = host.Run("ratings", "curl", "--frobnicate", "details:9080/");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("curl: option --frobnicate: is unknown\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Curl_without_silent_shows_its_progress_meter_on_stderr()
    {
        var result = host.Run("ratings", "curl", "details:9080/details/0");

        Assert.StartsWith("  % Total    % Received", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("{\"id\":0", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_ends_the_script_with_its_code()
    {
        var result = host.Sh("echo one; exit 3; echo two");

        Assert.Equal("one\n", result.Stdout);
        Assert.Equal(3, result.ExitCode);
        Assert.True(result.Exited);
    }

    [Fact]
    public void Output_past_the_limit_stops_the_exec_with_124()
    {
        var result = host.Sh("for i in $(seq 1 1000); do curl -s productpage:9080/productpage; done");

        Assert.Equal(124, result.ExitCode);
        Assert.Contains("sandbox: ", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Stdout.Length <= 1024 * 1024);
    }

    [Theory]
    [InlineData("while true; do echo x; done", "'while' is not run by the sandbox shell")]
    [InlineData("(echo sub)", "subshells are not run")]
    [InlineData("sleep 100 &", "background jobs (&) are not run")]
    [InlineData("echo $((1+1))", "arithmetic")]
    [InlineData("echo 'open", "unterminated quoted string")]
    public void Shell_features_beyond_the_sandbox_are_refused_with_exit_2(string script, string message)
    {
        var result = host.Sh(script);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
