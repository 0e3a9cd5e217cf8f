using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Manifests;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Guard.Policy;

/// <summary>
/// The checks a manifest passes before the cluster is asked anything: it parses within the limits, every
/// document is a writable kind named in the actor's namespace, no object appears twice, and every object
/// validates. A failed check throws a <see cref="GuardException"/>; notes (dated apiVersions, warnings)
/// are added for the learner.
/// </summary>
internal sealed class ManifestCheck(IResourceValidator validator, IOptions<GuardOptions> options)
{
    /// <summary>Parses the manifest and checks each document's kind, name and namespace.</summary>
    public IReadOnlyList<ManifestObject> Read(Actor actor, string yaml, List<string> notes) =>
        new ManifestParser(ManifestLimits.From(options.Value)).Parse(yaml).Select(d => CheckDocument(actor, d, notes)).ToList();

    /// <summary>One document per object, and each object valid for its kind.</summary>
    public void Validate(IReadOnlyList<ManifestObject> objects, List<string> notes)
    {
        var duplicate = objects.GroupBy(p => (p.Kind.Kind, p.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw GuardException.Input(
                "duplicate-document",
                $"{duplicate.Key.Kind} '{duplicate.Key.Name}' appears twice in the manifest. Keep one document per object.",
                $"{duplicate.Key.Kind} '{duplicate.Key.Name}'이(가) 매니페스트에 두 번 있습니다. 객체마다 문서 하나만 두세요.");
        }

        foreach (var p in objects)
        {
            var outcome = validator.Validate(p.Kind, p.Desired);
            if (!outcome.IsValid)
            {
                var causes = string.Join("; ", outcome.Errors.Select(c => $"{c.Field}: {c.Message}"));
                throw GuardException.Input(
                    "invalid",
                    $"{p.Document.Where()} ({p.Kind.Kind} {p.Name}) is invalid: {causes}. Nothing was changed — fix those fields and send it again.",
                    $"{p.Document.Where("ko")} ({p.Kind.Kind} {p.Name})이(가) 유효하지 않습니다: {causes}. 아무것도 바꾸지 않았습니다. 해당 필드를 고쳐 다시 보내세요.");
            }

            notes.AddRange(outcome.Warnings.Select(w => $"{p.Kind.Kind} {p.Name}: {w}"));
        }
    }

    private static ManifestObject CheckDocument(Actor actor, ManifestDocument doc, List<string> notes)
    {
        var where = doc.Where();
        var resolution = KindPolicy.ResolveWritable(JsonFields.Str(doc.Object["apiVersion"]), JsonFields.Str(doc.Object["kind"]), where);
        if (resolution.DatedNote is not null)
        {
            notes.Add(resolution.DatedNote);
        }

        if (doc.Object["metadata"] is not JsonObject metadata)
        {
            throw GuardException.Input("missing-name", $"{where} has no metadata. Add metadata.name.", $"{where}에 metadata 가 없습니다. metadata.name 을 넣으세요.");
        }

        var name = JsonFields.Str(metadata["name"]);
        NamespacePolicy.RequireName(name, where);
        if (metadata["namespace"] is { } nsNode && JsonFields.Str(nsNode) is null)
        {
            throw GuardException.Input("invalid-namespace", $"{where}: metadata.namespace must be a string.", $"{where}: metadata.namespace 는 문자열이어야 합니다.");
        }

        var ns = NamespacePolicy.Require(actor, JsonFields.Str(metadata["namespace"]), where);
        if (doc.Object["spec"] is not null and not JsonObject)
        {
            throw GuardException.Input("invalid", $"{where}: spec must be a mapping.", $"{where}: spec 은 매핑이어야 합니다.");
        }

        return new ManifestObject(doc, resolution.Kind, ObjectShapes.Authored(resolution.Kind, doc.Object, ns), name!);
    }
}
