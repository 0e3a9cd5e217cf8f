using System.Text;
using IstioTutor.Core.Guard;
using IstioTutor.Core.Guard.Manifests;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Tools;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>
/// /hint ID: reveals the lab's hints one more at a time. With a model configured it adds one model-written
/// hint grounded in the lab's goal and the learner's current objects (read through the guard); when there
/// is no model, or it fails, the catalogue's text stands alone and unchanged.
/// </summary>
public sealed class HintCommand(LabCatalog catalog, LabHintStore hints, MeshToolsFactory tools, ILabCoach? coach = null) : ITurnCommand
{
    public string Name => "hint";

    public string Usage => "/hint ID";

    public string Summary(string lang) => lang == "ko" ? "실습 힌트(하나씩 더)" : "a lab hint (one more each time)";

    public async Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var lab = catalog.Find(arguments);
        if (lab is null)
        {
            return context.Reply(context.T($"There is no lab '{arguments}'. Type /labs to see them.", $"'{arguments}' 실습이 없습니다. /labs 로 목록을 보세요."));
        }

        var all = lab.Definition.Hints;
        var revealed = hints.RevealNext(context.Learner.Id, lab.Definition.Id, all.Count);
        var sb = new StringBuilder();
        for (var i = 0; i < revealed; i++)
        {
            sb.AppendLine($"{i + 1}/{all.Count}. {all[i].In(context.Lang)}");
        }

        sb.Append(revealed < all.Count
            ? context.T($"/hint {lab.Definition.Id} again for the next one.", $"다음 힌트는 /hint {lab.Definition.Id}.")
            : context.T("That was the last hint.", "마지막 힌트였습니다."));
        var reply = context.Reply(sb.ToString());
        if (coach is null)
        {
            return reply;
        }

        var (yaml, names) = await CurrentObjectsAsync(context, lab.Definition, cancellationToken);
        var shown = all.Take(revealed).Select(h => h.In(context.Lang)).ToArray();
        var coached = await coach.LabHintAsync(new LabHintRequest(lab.Definition, context.Learner, context.Lang, yaml, names, shown), cancellationToken);
        return coached is null
            ? reply
            : reply with
            {
                Text = reply.Text + "\n\n" + context.T("Tutor model's hint for your sandbox: ", "내 샌드박스를 본 튜터 모델의 힌트: ") + coached.Text,
                Citations = coached.Citations,
            };
    }

    /// <summary>The learner's objects of the kinds the lab uses, as YAML, read through the guard (and audited).</summary>
    private async Task<(string Yaml, IReadOnlyList<string> Names)> CurrentObjectsAsync(TurnContext context, LabDefinition lab, CancellationToken cancellationToken)
    {
        var plugin = tools.For(context);
        var yaml = new StringBuilder();
        var names = new List<string>();
        foreach (var kind in lab.Resources)
        {
            try
            {
                var read = await plugin.GetResourcesAsync(kind, null, cancellationToken);
                foreach (var item in read.Items)
                {
                    if (JsonFields.Name(item) is { } name)
                    {
                        names.Add(name);
                    }

                    yaml.Append("---\n").Append(YamlWriter.Write(ObjectShapes.Authored(read.Kind, item, read.Namespace)));
                }
            }
            catch (Exception e) when (e is GuardException or MeshApiException)
            {
                // The hint is still worth giving from the goal alone; the model is told what could not be read.
                yaml.Append(context.T($"# {kind}: could not be read ({e.Message})\n", $"# {kind}: 읽지 못함 ({e.Message})\n"));
            }
        }

        return (yaml.ToString(), names);
    }
}
