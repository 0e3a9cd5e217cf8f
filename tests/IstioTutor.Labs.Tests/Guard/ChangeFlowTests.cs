using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Labs.Tests.Fixtures;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Labs.Tests.Guard;

[Collection(TutorHostCollection.Name)]
public sealed class ChangeFlowTests(TutorHostFixture host)
{
    private static string Route(string name, string subset) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: {subset}
        """;

    private Task<System.Text.Json.Nodes.JsonObject?> GetVs(string learner, string name) =>
        host.Cluster.GetAsync(ResourceKinds.VirtualService, LearnerIds.NamespaceOf(learner), name, CancellationToken.None);

    [Fact]
    public async Task Preview_changes_nothing_and_carries_a_pending_action_and_a_confirm_card()
    {
        var learner = TutorHostFixture.NewLearner("preview");

        var preview = await host.SendAsync(learner, "/apply\n```yaml\n" + Route("reviews", "v1") + "\n```");

        Assert.Null(await GetVs(learner, "reviews"));
        Assert.NotNull(preview.PendingAction);
        Assert.Contains("+++ preview/VirtualService/reviews", preview.PendingAction!.Diff, StringComparison.Ordinal);
        var card = Assert.Single(preview.Cards, c => c.Kind == "preview");
        Assert.Contains(card.Buttons, b => b.Action.Verb == "confirm" && b.Action.Argument == preview.PendingAction.Id && b.Primary);
        Assert.Contains(card.Buttons, b => b.Action.Verb == "cancel");
    }

    [Fact]
    public async Task Preview_predicts_the_split_with_the_simulator()
    {
        var learner = TutorHostFixture.NewLearner("predict");
        await host.ApplyAndConfirmAsync(learner, "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n  - name: v3\n    labels:\n      version: v3");

        var preview = await host.SendAsync(learner, "/apply\n```yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews, subset: v1}\n      weight: 50\n    - destination: {host: reviews, subset: v3}\n      weight: 50\n```");

        var split = System.Text.RegularExpressions.Regex.Match(preview.PendingAction!.Prediction ?? "", @"productpage → reviews: v1 (\d+(?:\.\d)?)%, v3 (\d+(?:\.\d)?)% over 200 requests");
        Assert.True(split.Success, preview.PendingAction.Prediction);
        var (v1, v3) = (double.Parse(split.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(split.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        // A 50/50 split over 200 requests: each side near half, and together every request.
        Assert.InRange(v1, 40, 60);
        Assert.InRange(v3, 40, 60);
        Assert.InRange(v1 + v3, 99.5, 100.5);
    }

    private static string GatewayOn(string selector) => $"""
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: bookinfo-gateway
        spec:
          selector:
            istio: {selector}
          servers:
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
            - "*"
        """;

    [Fact]
    public async Task Preview_of_a_Gateway_on_the_shared_ingress_gateway_has_no_selector_finding()
    {
        var preview = await host.SendAsync(TutorHostFixture.NewLearner("gwok"), "/apply\n```yaml\n" + GatewayOn("ingressgateway") + "\n```");

        Assert.DoesNotContain(preview.PendingAction!.Findings, f => f.Contains("IST0101", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_of_a_Gateway_selecting_no_gateway_pod_reports_IST0101()
    {
        var preview = await host.SendAsync(TutorHostFixture.NewLearner("gwbad"), "/apply\n```yaml\n" + GatewayOn("ingress") + "\n```");

        Assert.Contains(preview.PendingAction!.Findings, f => f.Contains("[IST0101]", StringComparison.Ordinal) && f.Contains("istio=ingress\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirm_by_card_button_applies_the_preview()
    {
        var learner = TutorHostFixture.NewLearner("card");
        var preview = await host.SendAsync(learner, "/apply\n```yaml\n" + Route("reviews", "v1") + "\n```");

        var done = await host.SendAsync(learner, "", action: new Core.Turns.CardAction("confirm", preview.PendingAction!.Id));

        Assert.StartsWith("Applied", done.Text, StringComparison.Ordinal);
        Assert.NotNull(await GetVs(learner, "reviews"));
    }

    [Fact]
    public async Task Cancel_drops_the_preview_and_a_later_confirm_is_refused()
    {
        var learner = TutorHostFixture.NewLearner("cancel");
        var preview = await host.SendAsync(learner, "/apply\n```yaml\n" + Route("reviews", "v1") + "\n```");

        await host.SendAsync(learner, "/cancel");
        var confirm = await host.SendAsync(learner, "/confirm " + preview.PendingAction!.Id);

        Assert.Contains("Refused", confirm.Text, StringComparison.Ordinal);
        Assert.Null(await GetVs(learner, "reviews"));
    }

    [Fact]
    public async Task Expired_preview_cannot_be_confirmed()
    {
        var learner = TutorHostFixture.NewLearner("expire");
        var preview = await host.SendAsync(learner, "/apply\n```yaml\n" + Route("reviews", "v1") + "\n```");
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        try
        {
            var confirm = await host.SendAsync(learner, "/confirm " + preview.PendingAction!.Id);

            Assert.Contains("expired", confirm.Text, StringComparison.Ordinal);
            Assert.Null(await GetVs(learner, "reviews"));
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    [Fact]
    public async Task Batch_is_all_or_nothing_when_a_later_write_fails_at_confirm()
    {
        var learner = TutorHostFixture.NewLearner("batch");
        await host.ApplyAndConfirmAsync(learner, Route("second", "v1"));
        var preview = await host.SendAsync(learner, "/apply\n```yaml\n" + Route("first", "v1") + "\n---\n" + Route("second", "v2") + "\n```");
        var live = (await GetVs(learner, "second"))!;
        live["spec"]!["http"]![0]!["route"]![0]!["destination"]!["subset"] = "v3";
        await host.Cluster.ReplaceAsync(ResourceKinds.VirtualService, LearnerIds.NamespaceOf(learner), live, false, CancellationToken.None);

        var confirm = await host.SendAsync(learner, "/confirm " + preview.PendingAction!.Id);

        Assert.Contains("rolled back", confirm.Text, StringComparison.Ordinal);
        Assert.Null(await GetVs(learner, "first"));
        Assert.Equal("v3", (await GetVs(learner, "second"))!["spec"]!["http"]![0]!["route"]![0]!["destination"]!["subset"]!.GetValue<string>());
    }

    [Fact]
    public async Task Undo_restores_the_objects_the_last_change_replaced()
    {
        var learner = TutorHostFixture.NewLearner("undo");
        await host.ApplyAndConfirmAsync(learner, Route("reviews", "v1"));
        await host.ApplyAndConfirmAsync(learner, Route("reviews", "v2"));

        var preview = await host.SendAsync(learner, "/undo");
        await host.SendAsync(learner, "/confirm");

        Assert.NotNull(preview.PendingAction);
        Assert.Equal("v1", (await GetVs(learner, "reviews"))!["spec"]!["http"]![0]!["route"]![0]!["destination"]!["subset"]!.GetValue<string>());
    }

    [Fact]
    public async Task Undo_of_an_update_diffs_the_live_object_against_the_restored_one()
    {
        var learner = TutorHostFixture.NewLearner("undodiff");
        await host.ApplyAndConfirmAsync(learner, Route("reviews", "v1"));
        await host.ApplyAndConfirmAsync(learner, Route("reviews", "v2"));

        var diff = (await host.SendAsync(learner, "/undo")).PendingAction!.Diff;

        Assert.StartsWith("--- live/VirtualService/reviews\n+++ undo/VirtualService/reviews\n", diff, StringComparison.Ordinal);
        Assert.Contains("\n-        subset: v2\n+        subset: v1\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_of_a_creation_previews_a_deletion_to_dev_null()
    {
        var learner = TutorHostFixture.NewLearner("undonew");
        await host.ApplyAndConfirmAsync(learner, Route("reviews", "v1"));

        var diff = (await host.SendAsync(learner, "/undo")).PendingAction!.Diff;

        Assert.StartsWith("--- live/VirtualService/reviews\n+++ /dev/null\n@@ -1,", diff, StringComparison.Ordinal);
        Assert.Contains(" +0,0 @@\n-apiVersion: networking.istio.io/v1\n-kind: VirtualService\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_and_reset_previews_show_each_live_object_going_to_dev_null()
    {
        var learner = TutorHostFixture.NewLearner("deldiff");
        await host.ApplyAndConfirmAsync(learner, Route("reviews", "v1"));

        var delete = (await host.SendAsync(learner, "/delete virtualservice reviews")).PendingAction!.Diff;
        var reset = (await host.SendAsync(learner, "/reset-sandbox")).PendingAction!.Diff;

        Assert.StartsWith("--- live/VirtualService/reviews\n+++ /dev/null\n", delete, StringComparison.Ordinal);
        Assert.Equal(delete, reset);
    }

    [Fact]
    public async Task Dated_api_version_is_accepted_as_the_same_kind_with_a_note()
    {
        var learner = TutorHostFixture.NewLearner("dated");

        var preview = await host.SendAsync(learner, "/apply\n```yaml\n" + Route("reviews", "v1").Replace("networking.istio.io/v1", "networking.istio.io/v1alpha3", StringComparison.Ordinal) + "\n```");

        Assert.NotNull(preview.PendingAction);
        Assert.Contains("dated version of VirtualService", preview.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_spec_is_refused_with_the_field_and_nothing_is_stored()
    {
        var learner = TutorHostFixture.NewLearner("invalid");

        var reply = await host.SendAsync(learner, "/apply\n```yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n      weight: -5\n```");

        Assert.Null(reply.PendingAction);
        Assert.Contains("spec.http[0].route[0].weight", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_apply_is_reported_as_not_done_rather_than_refused()
    {
        var learner = TutorHostFixture.NewLearner("empty");

        var reply = await host.SendAsync(learner, "/apply");

        Assert.StartsWith("Not done: There is no YAML to apply", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Refused", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_is_explained_in_korean_to_a_learner_writing_korean()
    {
        var learner = TutorHostFixture.NewLearner("ko");

        var reply = await host.SendAsync(learner, "/apply 이 설정을 적용해 주세요\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n```");

        Assert.Contains("거부됨", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Secret 은 거부됩니다", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allowed_confirmation_is_audited_with_the_diff()
    {
        var learner = TutorHostFixture.NewLearner("audit");
        await host.ApplyAndConfirmAsync(learner, Route("reviews", "v1"));

        var entry = host.Audit.Query(learner).First(e => e.Verb == "create");

        Assert.Equal(AuditDecision.Allowed, entry.Decision);
        Assert.Equal("VirtualService", entry.Kind);
        Assert.Equal(LearnerIds.NamespaceOf(learner), entry.Namespace);
        Assert.Contains("subset: v1", entry.Diff, StringComparison.Ordinal);
        Assert.False(entry.ModelInitiated);
    }
}
