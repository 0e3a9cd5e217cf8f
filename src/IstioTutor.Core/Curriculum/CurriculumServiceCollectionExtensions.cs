using IstioTutor.Core.Curriculum.Commands;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Curriculum;

public static class CurriculumServiceCollectionExtensions
{
    /// <summary>The lesson and quiz commands (/lessons, /lesson, /next, /quiz, /answer) over the knowledge base.</summary>
    public static IServiceCollection AddCurriculum(this IServiceCollection services)
    {
        services.AddSingleton<LessonPresenter>();
        services.AddSingleton<ITurnCommand, LessonsCommand>();
        services.AddSingleton<ITurnCommand, LessonCommand>();
        services.AddSingleton<ITurnCommand, NextCommand>();
        services.AddSingleton<ITurnCommand, QuizCommand>();
        services.AddSingleton<ITurnCommand, AnswerCommand>();
        return services;
    }
}
