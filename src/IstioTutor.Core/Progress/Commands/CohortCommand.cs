using System.Globalization;
using System.Text;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Commands;

/// <summary>
/// /cohort create|join|list|members|assign|report: mentors run cohorts, learners join with a code.
/// Every mentor-only action is checked here, below the doors.
/// </summary>
public sealed class CohortCommand(ICohortStore cohorts, IProgressSummaries summaries, ProgressReporter reporter, ProgressAccess access) : ITurnCommand
{
    public string Name => "cohort";

    public string Usage => "/cohort create|join|list|members|assign|report ...";

    public string Summary(string lang) => lang == "ko" ? "코호트 만들기·참여·목록·과제·보고서" : "create, join, list, assign and report cohorts";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = parts.Length == 0 ? "" : parts[0].ToLowerInvariant();
        var text = verb switch
        {
            "create" when parts.Length == 2 => Create(context, parts[1]),
            "join" when parts.Length == 2 => Join(context, parts[1]),
            "list" when parts.Length == 1 => List(context),
            "members" when parts.Length == 2 => WithCohort(context, parts[1], c => Members(context, c)),
            "assign" when parts.Length == 4 => WithCohort(context, parts[1], c => Assign(context, c, parts[2], parts[3])),
            "report" when parts.Length == 2 => WithCohort(context, parts[1], c => ReportText.Cohort(context, reporter.ForCohort(c.Name)!)),
            _ => context.T(
                "Usage: /cohort create NAME | join CODE | list | members NAME | assign NAME STAGE|lab:ID YYYY-MM-DD | report NAME",
                "사용법: /cohort create 이름 | join 코드 | list | members 이름 | assign 이름 단계|lab:ID YYYY-MM-DD | report 이름"),
        };
        return Task.FromResult(context.Reply(text));
    }

    private string Create(TurnContext context, string name)
    {
        if (context.Learner.Role == LearnerRole.Learner)
        {
            return context.T("Only mentors can create cohorts. Ask a mentor for a join code and use /cohort join CODE.",
                "코호트는 멘토만 만들 수 있습니다. 멘토에게 참여 코드를 받아 /cohort join 코드 를 입력하세요.");
        }

        if (!CohortNames.IsValid(name))
        {
            return context.T($"'{name}' is not a valid cohort name: use 1-{CohortNames.MaxLength} letters, digits, '-' or '_'.",
                $"'{name}'은(는) 코호트 이름으로 쓸 수 없습니다. 영문자·숫자·'-'·'_' 1-{CohortNames.MaxLength}자로 지으세요.");
        }

        var cohort = cohorts.Create(name, context.Learner.Id);
        return cohort is null
            ? context.T($"A cohort named {name} already exists. Pick another name.", $"{name} 코호트가 이미 있습니다. 다른 이름을 쓰세요.")
            : context.T($"Cohort {cohort.Name} created. Learners join with: /cohort join {cohort.JoinCode}",
                $"{cohort.Name} 코호트를 만들었습니다. 학습자는 다음으로 참여합니다: /cohort join {cohort.JoinCode}");
    }

    private string Join(TurnContext context, string code)
    {
        var cohort = cohorts.FindByJoinCode(code);
        if (cohort is null)
        {
            return context.T($"No cohort has the join code {code}. Check the code with your mentor.",
                $"참여 코드 {code}에 해당하는 코호트가 없습니다. 멘토에게 코드를 확인하세요.");
        }

        return cohorts.AddMember(cohort.Name, context.Learner.Id)
            ? context.T($"You joined {cohort.Name}. /progress shows its assignments.", $"{cohort.Name} 코호트에 참여했습니다. /progress 에서 과제를 볼 수 있습니다.")
            : context.T($"You are already in {cohort.Name}.", $"이미 {cohort.Name} 코호트에 참여 중입니다.");
    }

    private string List(TurnContext context)
    {
        var learner = context.Learner;
        var visible = learner.Role == LearnerRole.Admin ? cohorts.All() : cohorts.ForLearner(learner.Id);
        if (visible.Count == 0)
        {
            return context.T("You are in no cohort. Join one with /cohort join CODE.", "참여한 코호트가 없습니다. /cohort join 코드 로 참여하세요.");
        }

        var sb = new StringBuilder();
        foreach (var c in visible)
        {
            var mentors = access.CanManageCohort(learner, c);
            sb.Append("- ").Append(c.Name);
            if (mentors)
            {
                sb.Append(context.T($": {cohorts.Members(c.Name).Count} members, join code {c.JoinCode}", $": 학습자 {cohorts.Members(c.Name).Count}명, 참여 코드 {c.JoinCode}"));
            }

            sb.AppendLine();
        }

        return sb.ToString().TrimEnd();
    }

    private string Members(TurnContext context, Cohort cohort)
    {
        var members = summaries.InCohort(cohort.Name);
        return members.Count == 0
            ? context.T($"{cohort.Name} has no members yet. Share the join code {cohort.JoinCode}.", $"{cohort.Name}에 아직 학습자가 없습니다. 참여 코드 {cohort.JoinCode}를 공유하세요.")
            : string.Join('\n', members.OrderBy(m => m.LearnerId, StringComparer.Ordinal).Select(m => $"- {m.LearnerId} ({DisplayText.Name(m.DisplayName)}), {m.Stage.ToName()}"));
    }

    private string Assign(TurnContext context, Cohort cohort, string target, string due)
    {
        if (!DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueDate))
        {
            return context.T($"'{due}' is not a date: write the due date as YYYY-MM-DD.", $"'{due}'은(는) 날짜가 아닙니다. 기한은 YYYY-MM-DD 형식으로 쓰세요.");
        }

        CohortAssignment assignment;
        if (StageNames.TryParse(target, out var stage))
        {
            assignment = new CohortAssignment(AssignmentKind.Stage, stage.ToName(), dueDate);
        }
        else if (target.StartsWith("lab:", StringComparison.OrdinalIgnoreCase) && target.Length > 4 && LearnerIds.IsValid(target[4..]))
        {
            assignment = new CohortAssignment(AssignmentKind.Lab, target[4..], dueDate);
        }
        else
        {
            return context.T($"'{target}' is neither a stage (beginner, intermediate, advanced) nor a lab (lab:ID).",
                $"'{target}'은(는) 단계(beginner, intermediate, advanced)도 실습(lab:ID)도 아닙니다.");
        }

        cohorts.Assign(cohort.Name, assignment);
        return context.T($"Assigned to {cohort.Name}: {assignment.Kind.ToString().ToLowerInvariant()} {assignment.Target} by {dueDate:yyyy-MM-dd}.",
            $"{cohort.Name} 코호트에 과제를 냈습니다: {assignment.Target} ({assignment.Kind.ToString().ToLowerInvariant()}), 기한 {dueDate:yyyy-MM-dd}.");
    }

    /// <summary>Runs a mentor-only action on a cohort the learner mentors; anyone else gets the same refusal.</summary>
    private string WithCohort(TurnContext context, string name, Func<Cohort, string> action)
    {
        var cohort = cohorts.Find(name);
        if (cohort is null || !access.CanManageCohort(context.Learner, cohort))
        {
            return context.Learner.Role == LearnerRole.Learner
                ? context.T("Only the cohort's mentors can do that. /progress shows your own progress.", "코호트 멘토만 할 수 있습니다. 내 진도는 /progress 로 보세요.")
                : context.T($"You mentor no cohort named {name}. /cohort list shows yours.", $"멘토를 맡은 {name} 코호트가 없습니다. /cohort list 로 확인하세요.");
        }

        return action(cohort);
    }
}
