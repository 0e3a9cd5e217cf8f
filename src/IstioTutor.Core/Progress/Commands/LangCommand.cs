using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Commands;

/// <summary>
/// /lang shows the learner's reply language; /lang ko|en sets it. Questions still switch it to the
/// language they are written in, so this is for learners who type commands before any question.
/// </summary>
public sealed class LangCommand(ILearnerStore learners) : ITurnCommand
{
    public string Name => "lang";

    public string Usage => "/lang [ko|en]";

    public string Summary(string lang) => lang == "ko" ? "답변 언어 보기 또는 바꾸기" : "show or change your reply language";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0)
        {
            return Task.FromResult(context.Reply(context.T(
                "Replies are in English. Switch with /lang ko (한국어) or /lang en.",
                "답변 언어는 한국어입니다. /lang en (English) 또는 /lang ko 로 바꿀 수 있습니다.")));
        }

        var chosen = arguments.Trim().ToLowerInvariant() switch
        {
            "ko" or "kr" or "korean" or "한국어" or "한글" => "ko",
            "en" or "english" or "영어" => "en",
            _ => null,
        };
        if (chosen is null)
        {
            return Task.FromResult(context.Reply(context.T(
                $"'{arguments}' is not a language the tutor speaks. Use /lang ko or /lang en.",
                $"'{arguments}'은(는) 지원하는 언어가 아닙니다. /lang ko 또는 /lang en 을 쓰세요.")));
        }

        context.Learner = context.Learner with { Lang = chosen };
        learners.Save(context.Learner);
        return Task.FromResult(new TurnResult
        {
            Text = chosen == "ko"
                ? "이제 한국어로 답합니다. 명령어도 그대로 쓰면 됩니다(/lessons, /quiz)."
                : "Replies are now in English. Commands stay the same (/lessons, /quiz).",
            Stage = context.Learner.Stage,
            Lang = chosen,
        });
    }
}
