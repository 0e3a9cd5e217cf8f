using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Parsing;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Knowledge;

public sealed class LessonParserTests
{
    private const string Valid = """
        ---
        id: sample-lesson
        stage: intermediate
        lang: en
        order: 2
        title: A sample lesson
        objectives:
          - Learn one thing
        keywords: [sample, 샘플]
        asks:
          - "how do weights work: relative or percent?"
          - what if weights add up to 90
        ---

        # A sample lesson

        Intro paragraph.

        ## How weights work

        Weights are integers. They are relative to their sum.

        ### Details

        - More detail here.

        ```yaml
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        ```

        ## Common mistakes

        - Forgetting the subset.

        ## Quiz

        ### 1. First question?
        - [ ] wrong
        - [x] right
          answer continues here

        **Explanation:** Because.

        ### 2. Second question?
        - [x] yes
        - [ ] no

        **Explanation:** Yes.

        ### 3. Third question?
        - [ ] a
        - [x] b

        **Explanation:** B.
        """;

    private static LessonParseResult Parse(string text, string source = "knowledge/en/intermediate/sample-lesson.md") =>
        new LessonParser().Parse(new LessonFile(source, text));

    [Fact]
    public void A_valid_lesson_yields_its_front_matter_sections_code_and_quiz()
    {
        var result = Parse(Valid);

        Assert.Empty(result.Problems);
        var lesson = Assert.IsType<Lesson>(result.Lesson);
        Assert.Equal(("sample-lesson", Stage.Intermediate, "en", 2), (lesson.Id, lesson.Stage, lesson.Lang, lesson.Order));
        Assert.Equal(["sample", "샘플"], lesson.Keywords);
        Assert.Equal(["how do weights work: relative or percent?", "what if weights add up to 90"], lesson.Asks);
        Assert.Equal(["How weights work", "Common mistakes"], lesson.Sections.Select(s => s.Heading));
        Assert.Equal("A sample lesson > How weights work > Details", lesson.Sections[0].HeadingPath);
        Assert.Equal(SectionKind.CommonMistakes, lesson.Sections[1].Kind);
        Assert.True(Assert.Single(lesson.Sections[0].CodeBlocks).IsYaml);
        Assert.Equal(3, lesson.Quiz.Count);
        Assert.Equal(1, lesson.Quiz[0].CorrectIndex);
        Assert.Equal("right answer continues here", lesson.Quiz[0].Options[1]);
        Assert.Equal("Because.", lesson.Quiz[0].Explanation);
    }

    [Fact]
    public void Invalid_front_matter_yaml_is_reported_with_file_and_line()
    {
        var broken = Valid.Replace("title: A sample lesson\n", "title: [unclosed\n", StringComparison.Ordinal);

        var result = Parse(broken);

        Assert.Null(result.Lesson);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("knowledge/en/intermediate/sample-lesson.md", problem.Source);
        Assert.InRange(problem.Line, 6, 8);
    }

    [Fact]
    public void An_unknown_stage_is_reported_at_the_stage_line()
    {
        var result = Parse(Valid.Replace("stage: intermediate", "stage: expert", StringComparison.Ordinal));

        Assert.Null(result.Lesson);
        Assert.Contains(result.Problems, p => p.Line == 3 && p.Message.Contains("expert", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_key_keeps_the_lesson_out_and_names_the_key()
    {
        var result = Parse(Valid.Replace("lang: en\n", "", StringComparison.Ordinal));

        Assert.Null(result.Lesson);
        Assert.Contains(result.Problems, p => p.Message.Contains("'lang'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quiz_question_with_two_correct_options_is_dropped_with_a_warning_at_its_line()
    {
        var text = Valid.Replace("- [ ] wrong", "- [x] wrong", StringComparison.Ordinal);

        var result = Parse(text);

        Assert.NotNull(result.Lesson);
        Assert.Equal(2, result.Lesson!.Quiz.Count);
        var firstQuestionLine = text.Split('\n').ToList().FindIndex(l => l.StartsWith("### 1.", StringComparison.Ordinal)) + 1;
        Assert.Contains(result.Problems, p => p.Severity == LessonProblemSeverity.Warning && p.Line == firstQuestionLine);
    }

    [Fact]
    public void A_lesson_under_the_wrong_language_folder_is_refused()
    {
        var result = Parse(Valid, "knowledge/ko/intermediate/sample-lesson.md");

        Assert.Null(result.Lesson);
        Assert.Contains(result.Problems, p => p.Line == 4 && p.Message.Contains("ko/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_lesson_is_reported_and_the_rest_still_load()
    {
        var other = Valid.Replace("id: sample-lesson", "id: other-lesson", StringComparison.Ordinal);
        var broken = Valid.Replace("---\nid: sample-lesson", "---\nid: [oops", StringComparison.Ordinal);

        using var knowledge = KnowledgeBase.Build(
        [
            new LessonFile("knowledge/en/intermediate/sample-lesson.md", broken),
            new LessonFile("knowledge/en/intermediate/other-lesson.md", other),
        ]);

        Assert.Equal("other-lesson", Assert.Single(knowledge.Curriculum.Lessons).Id);
        Assert.Contains(knowledge.Curriculum.Problems, p => p.Source.EndsWith("sample-lesson.md", StringComparison.Ordinal) && p.Line >= 2);
    }

    [Fact]
    public void Every_built_in_lesson_parses_without_errors()
    {
        using var knowledge = KnowledgeBase.Build(LessonSource.Embedded());

        Assert.DoesNotContain(knowledge.Curriculum.Problems, p => p.Severity == LessonProblemSeverity.Error);
        Assert.NotEmpty(knowledge.Curriculum.Lessons);
    }
}
