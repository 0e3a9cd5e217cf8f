using IstioTutor.Core.Answering.FollowUps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IstioTutor.Core.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>
    /// The offline engine as the default <see cref="IAnswerEngine"/>. Registered with TryAdd so an LLM
    /// engine registered earlier takes precedence.
    /// </summary>
    public static IServiceCollection AddOfflineAnswering(this IServiceCollection services)
    {
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<FollowUpComposer>();
        services.AddSingleton<PreviousAnswerStore>();
        services.AddSingleton<FollowUpResolver>();
        services.AddSingleton<OfflineAnswerEngine>();
        services.TryAddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<OfflineAnswerEngine>());
        return services;
    }
}
