using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Patching;

namespace IstioTutor.Sandbox.Tests.Patching;

/// <summary>Strategic merge patch as kubectl apply and rollout restart send it for Deployments.</summary>
public sealed class StrategicMergePatchTests
{
    private static JsonNode Deployment() => JsonNode.Parse("""
        {"spec":{"template":{"spec":{"containers":[
          {"name":"app","image":"a:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
          {"name":"helper","image":"h:1"}]}}}}
        """)!;

    [Fact]
    public void Containers_merge_by_name_and_keep_the_fields_the_patch_does_not_name()
    {
        var patch = JsonNode.Parse("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"helper"}],
              "containers":[{"name":"app","image":"a:2"}]}}}}
            """);

        var result = StrategicMergePatch.Apply(Deployment(), patch)!;

        var containers = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["app", "helper"], containers.Select(c => (string)c!["name"]!));
        Assert.Equal("a:2", (string?)containers[0]!["image"]);
        Assert.Equal(2, containers[0]!["env"]!.AsArray().Count);
        Assert.Null(result["spec"]!["template"]!["spec"]!["$setElementOrder/containers"]);
    }

    [Fact]
    public void A_patch_delete_directive_removes_the_list_item_it_names()
    {
        var patch = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"name":"A","$patch":"delete"}]}]}}}}""");

        var result = StrategicMergePatch.Apply(Deployment(), patch)!;

        Assert.Equal(["B"], result["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().Select(e => (string)e!["name"]!));
    }

    [Fact]
    public void Null_removes_a_field_and_lists_without_a_merge_key_are_replaced()
    {
        var target = JsonNode.Parse("""{"spec":{"replicas":2,"args":["a","b"],"paused":true}}""");
        var patch = JsonNode.Parse("""{"spec":{"args":["c"],"paused":null}}""");

        var result = StrategicMergePatch.Apply(target, patch)!;

        Assert.Equal("""{"spec":{"replicas":2,"args":["c"]}}""", result.ToJsonString());
    }
}
