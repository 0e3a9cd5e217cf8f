using System.Text;
using IstioTutor.Labs.Tests.Fixtures;

namespace IstioTutor.Labs.Tests.Labs;

/// <summary>
/// The envoyfilter-header lab grades what the Lua filter does, not how its configuration is spelled: every
/// valid way to give Envoy's Lua filter its code passes, including the one the lesson teaches.
/// </summary>
[Collection(TutorHostCollection.Name)]
public sealed class EnvoyFilterLuaFormsTests(TutorHostFixture host)
{
    private const string Lua = """
        function envoy_on_response(handle)
          handle:headers():add("x-istiotutor", "hello")
        end
        """;

    private const string LuaType = "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua";

    [Fact]
    public Task Inline_code_in_snake_case_passes() =>
        AssertPasses($"""
            typed_config:
              "@type": {LuaType}
              inline_code: |
            {Indent(Lua, 4)}
            """);

    [Fact]
    public Task Inline_code_in_camel_case_passes() =>
        AssertPasses($"""
            typed_config:
              "@type": {LuaType}
              inlineCode: |
            {Indent(Lua, 4)}
            """);

    [Fact]
    public Task Default_source_code_inline_string_passes() =>
        AssertPasses($"""
            typed_config:
              "@type": {LuaType}
              default_source_code:
                inline_string: |
            {Indent(Lua, 6)}
            """);

    [Fact]
    public Task Camel_case_typed_config_with_default_source_code_inline_string_passes() =>
        AssertPasses($"""
            typedConfig:
              "@type": {LuaType}
              defaultSourceCode:
                inlineString: |
            {Indent(Lua, 6)}
            """);

    [Fact]
    public Task Default_source_code_inline_bytes_in_base64_passes() =>
        AssertPasses($"""
            typed_config:
              "@type": {LuaType}
              default_source_code:
                inline_bytes: {Convert.ToBase64String(Encoding.UTF8.GetBytes(Lua))}
            """);

    [Fact]
    public Task Lua_config_wrapped_in_a_typed_struct_passes() =>
        AssertPasses($"""
            typed_config:
              "@type": type.googleapis.com/udpa.type.v1.TypedStruct
              type_url: {LuaType}
              value:
                inline_code: |
            {Indent(Lua, 6)}
            """);

    [Fact]
    public async Task Learner_who_follows_the_envoyfilter_lesson_passes()
    {
        var lesson = File.ReadAllText(Path.Combine(RepositoryRoot(), "knowledge", "en", "advanced", "envoyfilter.md"));
        var start = lesson.IndexOf("```yaml\napiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter", StringComparison.Ordinal);
        Assert.True(start >= 0, "the lesson shows an EnvoyFilter");
        start += "```yaml\n".Length;
        var manifest = lesson[start..lesson.IndexOf("```", start, StringComparison.Ordinal)]
            .Replace("\"x-envoy-test\", \"true\"", "\"x-istiotutor\", \"hello\"", StringComparison.Ordinal);
        Assert.Contains("envoy.filters.http.lua", manifest, StringComparison.Ordinal);

        await AssertManifestPassesAsync(manifest);
    }

    private Task AssertPasses(string typedConfig) => AssertManifestPassesAsync($"""
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: productpage-header
        spec:
          workloadSelector:
            labels:
              app: productpage
          configPatches:
          - applyTo: HTTP_FILTER
            match:
              context: SIDECAR_INBOUND
              listener:
                filterChain:
                  filter:
                    name: envoy.filters.network.http_connection_manager
                    subFilter:
                      name: envoy.filters.http.router
            patch:
              operation: INSERT_BEFORE
              value:
                name: envoy.filters.http.lua
        {Indent(typedConfig, 8)}
        """);

    private async Task AssertManifestPassesAsync(string manifest)
    {
        var learner = TutorHostFixture.NewLearner("lua");
        await host.ApplyAndConfirmAsync(learner, manifest);

        var result = await host.SendAsync(learner, "/check envoyfilter-header");

        Assert.NotNull(result.Check);
        Assert.True(result.Check!.Passed, result.Text);
    }

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));

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
