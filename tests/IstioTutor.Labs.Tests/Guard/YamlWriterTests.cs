using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Manifests;

namespace IstioTutor.Labs.Tests.Guard;

public sealed class YamlWriterTests
{
    [Fact]
    public void Top_level_keys_come_in_kubectl_order_and_others_keep_theirs()
    {
        var o = JsonNode.Parse("""{"spec":{"b":1,"a":2},"extra":true,"metadata":{"name":"r"},"kind":"VirtualService","apiVersion":"networking.istio.io/v1"}""");

        Assert.Equal("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\nspec:\n  b: 1\n  a: 2\nextra: true\n", YamlWriter.Write(o));
    }

    [Fact]
    public void Strings_yaml_would_read_as_other_types_are_double_quoted()
    {
        var o = JsonNode.Parse("""{"a":"true","b":"80","c":"null","d":"","e":"- x","f":"a: b","g":"plain text"}""");

        Assert.Equal("a: \"true\"\nb: \"80\"\nc: \"null\"\nd: \"\"\ne: \"- x\"\nf: \"a: b\"\ng: plain text\n", YamlWriter.Write(o));
    }

    [Fact]
    public void Sequences_under_a_key_are_not_indented_like_kubectl()
    {
        var o = JsonNode.Parse("""{"hosts":["a","b"],"http":[{"route":[{"weight":80}]}],"empty":[],"none":{}}""");

        Assert.Equal("hosts:\n- a\n- b\nhttp:\n- route:\n  - weight: 80\nempty: []\nnone: {}\n", YamlWriter.Write(o));
    }

    [Fact]
    public void Long_values_stay_on_one_line_and_newlines_are_escaped()
    {
        var longText = string.Join(' ', Enumerable.Repeat("word", 40));
        var o = new JsonObject { ["long"] = longText, ["multi"] = "one\ntwo" };

        Assert.Equal($"long: {longText}\nmulti: \"one\\ntwo\"\n", YamlWriter.Write(o));
    }
}
