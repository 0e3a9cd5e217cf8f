using IstioTutor.Core.Progress.Linking;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Commands;

/// <summary>
/// /link gives a one-time code; /link CODE typed on another door (Teams, Slack, web, terminal) makes
/// that door the same learner, bringing its progress along.
/// </summary>
public sealed class LinkCommand(IIdentityLinker linker) : ITurnCommand
{
    public string Name => "link";

    public string Usage => "/link [CODE]";

    public string Summary(string lang) => lang == "ko" ? "다른 채널(Teams·Slack·웹·터미널)의 계정 연결" : "link your accounts on other doors";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0)
        {
            var code = linker.Issue(context.Learner.Id);
            return Task.FromResult(context.Reply(context.T(
                $"Your link code is {code.Code} (valid until {code.ExpiresAt:HH:mm} UTC, once). On your other door, type: /link {code.Code}",
                $"연결 코드는 {code.Code} 입니다 ({code.ExpiresAt:HH:mm} UTC까지 한 번만 유효). 다른 채널에서 /link {code.Code} 를 입력하세요.")));
        }

        var outcome = linker.Redeem(arguments, context.Learner.Id);
        var text = outcome.Status switch
        {
            LinkStatus.Linked => context.T(
                $"Linked: this door is now {DisplayText.Name(outcome.Learner!.DisplayName)} ({outcome.Learner.Id}); your progress here was merged.",
                $"연결했습니다. 이 채널은 이제 {DisplayText.Name(outcome.Learner!.DisplayName)} ({outcome.Learner.Id}) 입니다. 진도도 합쳤습니다."),
            LinkStatus.AlreadyLinked => context.T("This door is already that learner; nothing changed.", "이미 같은 학습자로 연결되어 있습니다. 바뀐 것은 없습니다."),
            LinkStatus.Expired => context.T("That link code has expired. Type /link on your first door for a new one.", "연결 코드가 만료되었습니다. 처음 채널에서 /link 로 새 코드를 받으세요."),
            _ => context.T("That link code is unknown or already used. Type /link on your first door for a new one.", "알 수 없거나 이미 쓴 연결 코드입니다. 처음 채널에서 /link 로 새 코드를 받으세요."),
        };
        if (outcome.Learner is { } linked)
        {
            context.Learner = linked;
        }

        return Task.FromResult(context.Reply(text));
    }
}
