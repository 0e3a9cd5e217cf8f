using System.Reflection;
using System.Text;

namespace IstioTutor.Core.Knowledge;

/// <summary>Where lesson files come from: the resources built into IstioTutor.Core, or an author's folder.</summary>
public static class LessonSource
{
    private const string ResourcePrefix = "knowledge/";

    /// <summary>Every lesson embedded in IstioTutor.Core, under names "knowledge/&lt;lang&gt;/&lt;stage&gt;/&lt;id&gt;.md".</summary>
    public static IReadOnlyList<LessonFile> Embedded()
    {
        var assembly = typeof(LessonSource).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new LessonFile(n, Read(assembly, n)))
            .ToArray();
    }

    /// <summary>Every <c>*.md</c> under <paramref name="directory"/> except README.md, named by their path.</summary>
    public static IReadOnlyList<LessonFile> FromDirectory(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Knowledge:Directory is '{directory}', which does not exist. Point it at a folder laid out like knowledge/ (en/<stage>/<id>.md) or remove the setting to use the built-in lessons.");
        }

        return System.IO.Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new LessonFile(f, File.ReadAllText(f, Encoding.UTF8)))
            .ToArray();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
