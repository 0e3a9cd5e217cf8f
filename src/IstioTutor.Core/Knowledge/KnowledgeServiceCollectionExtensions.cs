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
    /// The curriculum (built-in lessons, or <c>Knowledge:Directory</c>), its index and the retriever; the
    /// lesson and quiz commands over it come with <c>AddCurriculum</c>.
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
        return services;
    }
}
