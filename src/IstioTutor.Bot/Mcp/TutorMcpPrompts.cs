using System.ComponentModel;
using ModelContextProtocol.Server;

namespace IstioTutor.Bot.Mcp;

/// <summary>Ready-made requests an assistant offers the learner ("start lab X", "quiz me on lesson Y").</summary>
[McpServerPromptType]
public sealed class TutorMcpPrompts
{
    [McpServerPrompt(Name = "start_lab")]
    [Description("Start a hands-on lab in your own sandbox, guided step by step.")]
    public static string StartLab([Description("Lab id, e.g. 'request-routing'.")] string labId) =>
        $"""
        I want to do the IstioTutor lab '{labId}'. Open it with the open_lab tool and walk me through its steps one at a time.
        Write the YAML for each step with me, preview it with preview_apply and show me the diff and the prediction.
        Only I approve changes: call confirm with the preview id and let me answer the question it shows me.
        When I think I am done, grade it with check_lab and explain any finding that is not yet right; use hint if I am stuck.
        """;

    [McpServerPrompt(Name = "quiz_me")]
    [Description("Take the quiz of a lesson, one question at a time.")]
    public static string QuizMe([Description("Lesson id, e.g. 'traffic-shifting'.")] string lessonId) =>
        $"""
        Quiz me on the IstioTutor lesson '{lessonId}'. Start it with the quiz tool and show me each question with its numbered options.
        Wait for my answer and send exactly the number I chose with answer_quiz — never answer for me. After each answer tell me
        whether I was right and why, citing the lesson (istiotutor://lessons/en/{lessonId}).
        """;
}
