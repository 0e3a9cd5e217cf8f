using System.CommandLine;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor index</c>: rebuilds the knowledge index from the lessons (built-in, or
/// Knowledge:Directory) and prints statistics and every lesson problem with file and line. Exits 1
/// when a lesson had to be left out, so authors and CI notice.
/// </summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var command = new Command("index", "Rebuild the knowledge index and print statistics and lesson problems.") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CliHost.TryStartAsync(parse.GetValue(data)) is not { } host)
            {
                return 2;
            }

            await using (host)
            {
                var options = host.Get<IOptions<KnowledgeOptions>>().Value;
                IReadOnlyList<LessonFile> files;
                try
                {
                    files = string.IsNullOrWhiteSpace(options.Directory) ? LessonSource.Embedded() : LessonSource.FromDirectory(options.Directory);
                }
                catch (DirectoryNotFoundException e)
                {
                    await Console.Error.WriteLineAsync(e.Message);
                    return 2;
                }

                using var knowledge = KnowledgeBase.Build(files);
                var s = knowledge.Statistics;
                var w = Console.Out;
                await w.WriteLineAsync($"source: {(string.IsNullOrWhiteSpace(options.Directory) ? "built-in lessons" : options.Directory)} ({files.Count} files)");
                await w.WriteLineAsync($"{"stage",-14}{"en",5}{"ko",5}");
                foreach (var stage in Enum.GetValues<Stage>())
                {
                    await w.WriteLineAsync($"{stage.ToName(),-14}{s.LessonsByStageAndLang.GetValueOrDefault((stage, "en")),5}{s.LessonsByStageAndLang.GetValueOrDefault((stage, "ko")),5}");
                }

                await w.WriteLineAsync($"lessons: {s.Lessons}  sections: {s.Sections}  quiz questions: {s.QuizQuestions}  code blocks: {s.CodeBlocks}");
                await w.WriteLineAsync($"build time: {s.BuildTime.TotalMilliseconds:0} ms");
                var errors = knowledge.Curriculum.Problems.Count(p => p.Severity == LessonProblemSeverity.Error);
                await w.WriteLineAsync($"problems: {knowledge.Curriculum.Problems.Count} ({errors} lesson(s) left out)");
                foreach (var problem in knowledge.Curriculum.Problems)
                {
                    await w.WriteLineAsync("  " + problem);
                }

                return errors > 0 ? 1 : 0;
            }
        });
        return command;
    }
}
