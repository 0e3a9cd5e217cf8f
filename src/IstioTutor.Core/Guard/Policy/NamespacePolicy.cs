using System.Text;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Policy;

/// <summary>
/// The one rule for where an actor may act: their own <c>learn-&lt;id&gt;</c> namespace. Namespaces are
/// compared after Unicode normalisation (NFKC), and anything still non-ASCII is refused as a look-alike
/// (a Cyrillic "а" in "leаrn-bob" would otherwise be a different, unguarded name).
/// </summary>
public static class NamespacePolicy
{
    /// <summary>The namespace a document or call targets: the given one checked, or the actor's own when none is given.</summary>
    public static string Require(Actor actor, string? requested, string where)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrEmpty(requested))
        {
            return actor.Namespace;
        }

        var normalised = requested.Normalize(NormalizationForm.FormKC).Trim();
        if (normalised.Any(c => c > 0x7F))
        {
            throw GuardException.Policy(
                "lookalike-namespace",
                $"{where}: the namespace '{requested}' contains non-ASCII characters that look like Latin letters. Namespaces are plain ASCII; yours is {actor.Namespace} (or leave metadata.namespace out).",
                $"{where}: 네임스페이스 '{requested}'에 라틴 문자처럼 보이는 비ASCII 문자가 있습니다. 네임스페이스는 ASCII 여야 하며, 내 네임스페이스는 {actor.Namespace} 입니다(metadata.namespace 를 생략해도 됩니다).");
        }

        if (string.Equals(normalised, actor.Namespace, StringComparison.Ordinal))
        {
            return actor.Namespace;
        }

        if (string.Equals(normalised, MeshSnapshot.RootNamespace, StringComparison.OrdinalIgnoreCase))
        {
            throw GuardException.Policy(
                "root-namespace-refused",
                $"{where}: {MeshSnapshot.RootNamespace} is the mesh's root namespace; configuration there changes the whole mesh, so learners cannot write it. Put the resource in {actor.Namespace}.",
                $"{where}: {MeshSnapshot.RootNamespace}는 메시의 루트 네임스페이스라 그곳의 설정은 메시 전체를 바꿉니다. 학습자는 쓸 수 없습니다. {actor.Namespace} 에 두세요.");
        }

        throw GuardException.Policy(
            "other-namespace-refused",
            $"{where}: namespace '{normalised}' is not yours; you may read and change only {actor.Namespace}. Leave metadata.namespace out or set it to {actor.Namespace}.",
            $"{where}: '{normalised}'는 내 네임스페이스가 아닙니다. {actor.Namespace} 만 읽고 바꿀 수 있습니다. metadata.namespace 를 생략하거나 {actor.Namespace} 로 쓰세요.");
    }

    /// <summary>A DNS-1123 subdomain, as Kubernetes requires of object names: lower-case alphanumerics, '-' and '.', at most 253.</summary>
    public static void RequireName(string? name, string where)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw GuardException.Input(
                "missing-name",
                $"{where} has no metadata.name. Give the resource a name (lower-case letters, digits and '-').",
                $"{where}에 metadata.name 이 없습니다. 소문자, 숫자, '-'로 이름을 붙이세요.");
        }

        if (!IsDns1123Subdomain(name))
        {
            throw GuardException.Input(
                "invalid-name",
                $"{where}: metadata.name '{Shorten(name)}' is not a valid DNS-1123 name: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters (e.g. 'reviews-route').",
                $"{where}: metadata.name '{Shorten(name)}'은(는) DNS-1123 이름이 아닙니다. 소문자, 숫자, '-', '.'만 쓰고 영숫자로 시작·끝나며 253자 이하여야 합니다(예: 'reviews-route').");
        }
    }

    public static bool IsDns1123Subdomain(string name)
    {
        if (name.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || !IsAlnum(label[0]) || !IsAlnum(label[^1]) || label.Any(c => !IsAlnum(c) && c != '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlnum(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
