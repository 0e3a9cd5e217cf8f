using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Commands;

/// <summary>/role @learner learner|mentor|admin: admins grant roles.</summary>
public sealed class RoleCommand(ILearnerStore learners) : ITurnCommand
{
    public string Name => "role";

    public string Usage => "/role @learner learner|mentor|admin";

    public string Summary(string lang) => lang == "ko" ? "역할 부여 (관리자 전용)" : "grant a role (admins only)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (context.Learner.Role != LearnerRole.Admin)
        {
            return Task.FromResult(context.Reply(context.T("Only admins can grant roles.", "역할은 관리자만 부여할 수 있습니다.")));
        }

        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !Enum.TryParse<LearnerRole>(parts[1], ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(parts[1], out _))
        {
            return Task.FromResult(context.Reply(context.T("Usage: /role @learner learner|mentor|admin", "사용법: /role @학습자 learner|mentor|admin")));
        }

        var target = learners.FindByHandle(parts[0]);
        if (target is null || !learners.SetRole(target.Id, role))
        {
            return Task.FromResult(context.Reply(context.T($"No learner '{parts[0]}'. Use their id, a door identity (slack:U123) or a unique display name.",
                $"'{parts[0]}' 학습자가 없습니다. id, 채널 계정(slack:U123) 또는 고유한 이름을 쓰세요.")));
        }

        return Task.FromResult(context.Reply(context.T($"{target.Id} is now {role.ToString().ToLowerInvariant()}.", $"{target.Id}의 역할을 {role.ToString().ToLowerInvariant()}(으)로 바꿨습니다.")));
    }
}
