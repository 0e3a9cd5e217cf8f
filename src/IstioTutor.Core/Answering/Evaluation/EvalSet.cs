using IstioTutor.Core.Turns;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>The evaluation questions (tests/eval/questions.yaml), validated on load.</summary>
public static class EvalSet
{
    public const string DefaultRelativePath = "tests/eval/questions.yaml";

    /// <summary>The held-out set: written before the engine was tuned and never used to tune it.</summary>
    public const string HoldoutRelativePath = "tests/eval/holdout.yaml";

    /// <summary>The blind set: written by someone who never saw the retrieval code, committed before the changes it measures, never tuned on.</summary>
    public const string BlindRelativePath = "tests/eval/blind.yaml";

    /// <summary>The named sets the eval command knows, by the name it takes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Named = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dev"] = DefaultRelativePath,
        ["holdout"] = HoldoutRelativePath,
        ["blind"] = BlindRelativePath,
    };

    public static IReadOnlyList<EvalQuestion> Parse(string yaml, string source)
    {
        EvalFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<EvalFile>(yaml)
                   ?? throw new InvalidDataException($"{source}: the file is empty; it needs a 'questions:' list.");
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{source}:{e.Start.Line}: {e.Message}", e);
        }

        var questions = new List<EvalQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in file.Questions)
        {
            var where = $"{source}: question '{q.Id}'";
            if (string.IsNullOrWhiteSpace(q.Id) || !ids.Add(q.Id))
            {
                throw new InvalidDataException($"{source}: every question needs a unique id ('{q.Id}' is missing or repeated).");
            }

            if (q.Lang is not ("en" or "ko") || string.IsNullOrWhiteSpace(q.Question))
            {
                throw new InvalidDataException($"{where} needs lang 'en' or 'ko' and a question text.");
            }

            Stage? stage = null;
            if (!q.OffTopic)
            {
                if (!StageNames.TryParse(q.Stage, out var s) || q.MustContain.Count == 0 || string.IsNullOrWhiteSpace(q.Lesson))
                {
                    throw new InvalidDataException($"{where} is on-topic, so it needs stage (beginner|intermediate|advanced), lesson and mustContain.");
                }

                stage = s;
            }

            if (q.OffTopic && q.Section is not null)
            {
                throw new InvalidDataException($"{where} is off-topic, so it cannot name a section.");
            }

            questions.Add(new EvalQuestion(q.Id, q.Lang, q.Question.Trim(), q.OffTopic, stage, q.Lesson, q.MustContain,
                string.IsNullOrWhiteSpace(q.Section) ? null : q.Section.Trim()));
        }

        return questions;
    }

    /// <summary>Looks for <paramref name="relativePath"/> (by default the development set) in <paramref name="start"/> and its parents.</summary>
    public static string? Locate(string start, string relativePath = DefaultRelativePath)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed class EvalFile
    {
        public List<EvalFileQuestion> Questions { get; set; } = [];
    }

    private sealed class EvalFileQuestion
    {
        public string Id { get; set; } = "";
        public string Lang { get; set; } = "";
        public string Question { get; set; } = "";
        public bool OffTopic { get; set; }
        public string? Stage { get; set; }
        public string? Lesson { get; set; }
        public List<string> MustContain { get; set; } = [];
        public string? Section { get; set; }
    }
}
