using System.Text;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>/lessons: the curriculum by stage, the learner's stage marked and finished lessons ticked.</summary>
public sealed class LessonsCommand(KnowledgeBase knowledge, LessonPresenter presenter) : ITurnCommand
{
    public string Name => "lessons";

    public string Usage => "/lessons";

    public string Summary(string lang) => lang == "ko" ? "단계별 레슨 목록" : "list the lessons by stage";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var finished = presenter.Finished(context.Learner);
        var sb = new StringBuilder();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var lessons = knowledge.Curriculum.InStage(stage, context.Lang);
            var mine = stage == context.Learner.Stage;
            sb.Append(context.IsKorean ? $"{stage.ToKorean()} ({stage.ToName()})" : Capitalize(stage.ToName()));
            sb.AppendLine(mine ? context.T("  ◀ your stage", "  ◀ 현재 단계") : "");
            if (lessons.Count == 0)
            {
                sb.AppendLine(context.T("  (no lessons yet)", "  (아직 레슨 없음)"));
            }

            var n = 1;
            foreach (var lesson in lessons)
            {
                var mark = finished.Contains(lesson.Id) ? " ✓" : lesson.Id == context.Learner.CurrentLessonId ? context.T(" (current)", " (진행 중)") : "";
                sb.AppendLine($"  {n++,2}. {lesson.Id} — {lesson.Title}{mark}");
            }

            sb.AppendLine();
        }

        sb.Append(context.T("Open one with /lesson ID, or continue with /next.", "/lesson ID 로 레슨을 열거나 /next 로 이어서 학습하세요."));
        return Task.FromResult(context.Reply(sb.ToString()));
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
