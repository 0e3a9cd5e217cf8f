using IstioTutor.Core.Answering.Llm;

namespace IstioTutor.Llm.Tests;

public sealed class SolutionLeakCheckTests
{
    private const string Reference = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels:
              version: v1
        """;

    [Fact]
    public void A_copied_manifest_with_other_indentation_inside_a_code_fence_is_a_leak()
    {
        var reply = "Apply this:\n```yaml\n" + string.Join("\n", Reference.Split('\n').Select(l => "    " + l)) + "\n```";

        Assert.True(SolutionLeakCheck.Reveals(reply, [Reference]));
    }

    [Fact]
    public void Six_consecutive_lines_of_the_reference_are_a_leak()
    {
        Assert.True(SolutionLeakCheck.Reveals("metadata:\n  name: reviews\nspec:\n  host: reviews\n  subsets:\n  - name: v1", [Reference]));
    }

    [Fact]
    public void A_short_fragment_naming_the_field_is_not_a_leak()
    {
        Assert.False(SolutionLeakCheck.Reveals("Add a subset:\n```yaml\nsubsets:\n- name: v1\n  labels:\n    version: v1\n```", [Reference]));
    }

    [Fact]
    public void Each_document_of_a_multi_document_reference_is_checked_on_its_own()
    {
        var twoDocs = "kind: Gateway\nmetadata:\n  name: gw\n---\n" + Reference;

        Assert.True(SolutionLeakCheck.Reveals(Reference, [twoDocs]));
        Assert.True(SolutionLeakCheck.Reveals("kind: Gateway\nmetadata:\n  name: gw", [twoDocs]));
    }
}
