using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Labs.Tests.Fixtures;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IstioTutor.Labs.Tests.Turns;

/// <summary>
/// A double-click, two tabs, two doors: turns of one learner that arrive together must end exactly as the
/// same turns sent one after another — every quiz answer graded once against its own question, nothing of
/// the learner record lost, every confirmed change in the sandbox.
/// </summary>
[Collection(TutorHostCollection.Name)]
public sealed class ConcurrentTurnsTests(TutorHostFixture host)
{
    private const string LessonId = "architecture";
    private const string LabId = "mtls-strict";
    private const int Rounds = 3;

    [Fact]
    public async Task Concurrent_answer_confirm_check_and_question_turns_end_as_the_same_turns_in_sequence()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var together = TutorHostFixture.NewLearner($"together{round}");
            var inTurn = TutorHostFixture.NewLearner($"inturn{round}");

            var togetherTurns = await PrepareAsync(together);
            await Task.WhenAll(togetherTurns.Select(text => Task.Run(() => host.SendAsync(together, text))));

            foreach (var text in await PrepareAsync(inTurn))
            {
                await host.SendAsync(inTurn, text);
            }

            var expected = await OutcomeAsync(inTurn);
            var actual = await OutcomeAsync(together);
            Assert.True(expected == actual, $"round {round}: concurrent turns ended as\n{actual}\nbut the same turns in sequence end as\n{expected}");
        }
    }

    /// <summary>Opens the lesson's quiz and previews a change, then returns the turns to send: every quiz answer, the confirmation, a lab check and a question.</summary>
    private async Task<IReadOnlyList<string>> PrepareAsync(string learner)
    {
        var questions = host.Services.GetRequiredService<KnowledgeBase>().Curriculum.Find(LessonId, "en")!.Quiz.Count;
        await host.SendAsync(learner, "/quiz " + LessonId);
        var manifest = host.Services.GetRequiredService<LabCatalog>().Find(LabId)!.Definition.ReferenceFor(LearnerIds.NamespaceOf(learner))[0];
        var preview = await host.SendAsync(learner, "/apply\n```yaml\n" + manifest + "\n```");
        Assert.True(preview.PendingAction is not null, "preview failed: " + preview.Text);

        // The same option every time, so the grades do not depend on which answer reached which question.
        var turns = Enumerable.Range(0, questions).Select(_ => "/answer 1").ToList();
        turns.Add("/confirm " + preview.PendingAction!.Id);
        turns.Add("/check " + LabId);
        turns.Add("What does istiod do?");
        return turns;
    }

    private double PassScore => host.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.QuizPassScore;

    private IReadOnlyList<QuizQuestion> Quiz => host.Services.GetRequiredService<KnowledgeBase>().Curriculum.Find(LessonId, "en")!.Quiz;

    /// <summary>Whether option 1 as this learner is shown question N (from "question N: chose 1") is the right one.</summary>
    private bool FirstShownIsRight(string learnerId, string? detail)
    {
        var number = int.Parse(detail!.Split(' ', ':')[1], System.Globalization.CultureInfo.InvariantCulture);
        return QuizShuffle.For(learnerId, LessonId, Quiz[number - 1]).CorrectIndex == 0;
    }

    /// <summary>The score "/answer 1" to every question earns this learner.</summary>
    private double ExpectedScore(string learnerId) =>
        (double)Quiz.Count(q => QuizShuffle.For(learnerId, LessonId, q).CorrectIndex == 0) / Quiz.Count;

    /// <summary>What the turns left behind, in a form that does not depend on which learner it is or on turn order.</summary>
    private async Task<string> OutcomeAsync(string learner)
    {
        var id = host.Services.GetRequiredService<ILearnerStore>().Resolve(Door.Terminal, learner, learner).Id;
        var record = host.Services.GetRequiredService<ILearnerStore>().Find(id)!;
        var logged = host.Services.GetRequiredService<IProgressLog>().ForLearner(id, limit: 1000);
        // Whether the score finishes the lesson depends on the learner's order too: compared on its own line.
        var finishedAsExpected = logged.Count(e => e.Kind == ProgressEventKind.LessonFinished) == (ExpectedScore(id) >= PassScore ? 1 : 0);
        var events = logged.Where(e => e.Kind != ProgressEventKind.LessonFinished)
            .Select(e => e.Kind switch
            {
                // Whether the check passed depends on whether it ran before or after the confirmation.
                ProgressEventKind.LabChecked => $"{e.Kind} {e.Subject}",
                ProgressEventKind.QuestionAsked => $"{e.Kind}",
                // Each learner sees the options in their own shuffled order, so "/answer 1" is right for different
                // questions for different learners: what must match is that each grade is the right one for this learner.
                ProgressEventKind.QuizAnswered => $"{e.Kind} {e.Subject} {e.Detail} graded right: {e.Passed == FirstShownIsRight(id, e.Detail)}",
                ProgressEventKind.QuizCompleted => $"{e.Kind} {e.Subject} scored right: {e.Score == ExpectedScore(id)}",
                _ => $"{e.Kind} {e.Subject} {e.Detail} {e.Passed} {e.Score}",
            })
            .Order(StringComparer.Ordinal);
        var ns = LearnerIds.NamespaceOf(id);
        var objects = new List<string>();
        foreach (var kind in ResourceKinds.Istio)
        {
            objects.AddRange((await host.Cluster.ListAsync(kind, ns, null, CancellationToken.None))
                .Select(o => $"{kind.Kind}/{o["metadata"]?["name"]}"));
        }

        return $"""
            lesson finished exactly when the score reaches the pass mark: {finishedAsExpected}
            quiz: {(record.Quiz is { } q ? $"{q.LessonId} question {q.QuestionIndex} answers {string.Join(',', q.Answers)}" : "none")}
            current lesson: {record.CurrentLessonId}
            events: {string.Join(" | ", events)}
            sandbox: {string.Join(", ", objects.Order(StringComparer.Ordinal))}
            """;
    }
}
