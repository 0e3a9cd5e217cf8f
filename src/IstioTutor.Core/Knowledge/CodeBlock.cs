namespace IstioTutor.Core.Knowledge;

/// <summary>A fenced code block; <see cref="Language"/> is the fence's info string ("yaml", "bash", or "").</summary>
public sealed record CodeBlock(string Language, string Code)
{
    public bool IsYaml => Language.Equals("yaml", StringComparison.OrdinalIgnoreCase) || Language.Equals("yml", StringComparison.OrdinalIgnoreCase);
}
