using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Progress.Commands;
using IstioTutor.Core.Progress.Linking;
using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Progress.Stages;
using IstioTutor.Core.Progress.Storage;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>The LiteDB file in the data directory, the stores over it, stage promotion and the progress commands.</summary>
    public static IServiceCollection AddProgressStore(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<ProgressOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(ProgressOptions.Section));
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProgressOptions>, CoreLabsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // A lesson's stage is its front matter in the curriculum the tutor teaches (built-in or Knowledge:Directory).
        services.AddSingleton(sp => new LessonStages(() => sp.GetRequiredService<KnowledgeBase>().Curriculum));
        services.AddSingleton<TutorDatabase>();
        services.AddSingleton<ILearnerStore, LiteDbLearnerStore>();
        services.AddSingleton<LiteDbProgressLog>();
        services.AddSingleton<IProgressLog>(sp => sp.GetRequiredService<LiteDbProgressLog>());
        services.AddSingleton<IProgressSummaries, LiteDbProgressSummaries>();
        services.AddSingleton<ICohortStore, LiteDbCohortStore>();
        services.AddSingleton<IIdentityLinker, LiteDbIdentityLinker>();
        services.AddSingleton<ProgressAccess>();
        services.AddSingleton<ProgressReporter>();
        services.AddSingleton<StageRule>();
        services.AddSingleton<ITurnFollowUp, StagePromotion>();
        services.AddSingleton<ITurnCommand, ProgressCommand>();
        services.AddSingleton<ITurnCommand, CohortCommand>();
        services.AddSingleton<ITurnCommand, LinkCommand>();
        services.AddSingleton<ITurnCommand, RoleCommand>();
        services.AddSingleton<ITurnCommand, StageCommand>();
        services.AddSingleton<ITurnCommand, LangCommand>();
        return services;
    }
}
