using IstioTutor.Core.Curriculum.Commands;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The curriculum (built-in lessons, or <c>Knowledge:Directory</c>), its index, the retriever and
    /// the lesson and quiz commands (/lessons, /lesson, /next, /quiz, /answer).
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var files = string.IsNullOrWhiteSpace(options.Directory) ? LessonSource.Embedded() : LessonSource.FromDirectory(options.Directory);
            var knowledge = KnowledgeBase.Build(files);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("IstioTutor.Knowledge");
            foreach (var problem in knowledge.Curriculum.Problems)
            {
                logger.LogWarning("Lesson problem: {Problem}", problem.ToString());
            }

            return knowledge;
        });
        services.AddSingleton<KnowledgeRetriever>();
        services.AddSingleton<LessonPresenter>();
        services.AddSingleton<ITurnCommand, LessonsCommand>();
        services.AddSingleton<ITurnCommand, LessonCommand>();
        services.AddSingleton<ITurnCommand, NextCommand>();
        services.AddSingleton<ITurnCommand, QuizCommand>();
        services.AddSingleton<ITurnCommand, AnswerCommand>();
        return services;
    }
}
