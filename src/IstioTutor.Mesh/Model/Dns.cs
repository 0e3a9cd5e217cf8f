using System.Text.RegularExpressions;

namespace IstioTutor.Mesh.Model;

/// <summary>DNS-1123 checks with Istio's wording (pkg/config/labels, pkg/config/validation/agent).</summary>
public static partial class Dns
{
    public static bool IsLabel(string value) => value.Length is > 0 and <= 63 && LabelPattern().IsMatch(value);

    public static bool IsWildcardLabel(string value) => value == "*" || (value.StartsWith("*", StringComparison.Ordinal) && value.Length <= 63 && WildcardLabelPattern().IsMatch(value)) || IsLabel(value);

    /// <summary>ValidateWildcardDomain: a FQDN whose first label may be a wildcard. Null when valid.</summary>
    public static string? WildcardDomainError(string domain)
    {
        if (domain.Length > 255)
        {
            return $"domain name \"{domain}\" too long (max 255)";
        }

        if (domain.Length == 0)
        {
            return "empty domain name not allowed";
        }

        var parts = domain.Split('.', 2);
        if (!IsWildcardLabel(parts[0]))
        {
            return $"domain name \"{domain}\" invalid (label \"{parts[0]}\" invalid)";
        }

        return parts.Length > 1 ? LabelsError(parts[1]) : null;
    }

    /// <summary>ValidateFQDN. Null when valid.</summary>
    public static string? FqdnError(string fqdn)
    {
        if (fqdn.Length > 255)
        {
            return $"domain name \"{fqdn}\" too long (max 255)";
        }

        return fqdn.Length == 0 ? "empty domain name not allowed" : LabelsError(fqdn);
    }

    private static string? LabelsError(string domain)
    {
        var parts = domain.Split('.');
        var top = parts[^1];
        if (top.Length > 0 && top.All(char.IsAsciiDigit))
        {
            return $"domain name \"{domain}\" invalid (top level domain \"{top}\" cannot be all-numeric)";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (i == parts.Length - 1 && parts[i].Length == 0)
            {
                return null;
            }

            if (!IsLabel(parts[i]))
            {
                return $"domain name \"{domain}\" invalid (label \"{parts[i]}\" invalid)";
            }
        }

        return null;
    }

    /// <summary>Kubernetes label key/value syntax (labels.Instance.Validate).</summary>
    public static string? LabelError(string key, string value)
    {
        var name = key.Contains('/') ? key[(key.IndexOf('/') + 1)..] : key;
        if (!QualifiedNamePattern().IsMatch(name) || name.Length > 63)
        {
            return $"invalid tag key: {key}";
        }

        if (value.Length > 63 || (value.Length > 0 && !QualifiedNamePattern().IsMatch(value)))
        {
            return $"invalid tag value: {value}";
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^\\*[-a-z0-9]*[a-z0-9]?$|^\\*$")]
    private static partial Regex WildcardLabelPattern();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePattern();
}
