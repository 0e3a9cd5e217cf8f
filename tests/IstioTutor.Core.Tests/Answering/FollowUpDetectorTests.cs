using IstioTutor.Core.Answering.FollowUps;

namespace IstioTutor.Core.Tests.Answering;

public sealed class FollowUpDetectorTests
{
    [Theory]
    [InlineData("show me the YAML", FollowUpKind.ShowYaml)]
    [InlineData("Can you show me the yaml?", FollowUpKind.ShowYaml)]
    [InlineData("YAML 보여줘", FollowUpKind.ShowYaml)]
    [InlineData("why?", FollowUpKind.Why)]
    [InlineData("왜요?", FollowUpKind.Why)]
    [InlineData("한국어로 설명해줘", FollowUpKind.Translate)]
    [InlineData("explain it in English please", FollowUpKind.Translate)]
    [InlineData("what about retries?", FollowUpKind.WhatAbout)]
    [InlineData("재시도는요?", FollowUpKind.WhatAbout)]
    public void Short_follow_ups_are_recognised(string text, FollowUpKind kind)
    {
        Assert.Equal(kind, FollowUpDetector.Detect(text)?.Kind);
    }

    [Theory]
    [InlineData("Why does my pod have no sidecar after I labeled the namespace?")]
    [InlineData("How do I set a timeout on reviews?")]
    [InlineData("What is a VirtualService?")]
    public void Full_questions_are_not_follow_ups(string text)
    {
        Assert.Null(FollowUpDetector.Detect(text));
    }

    [Fact]
    public void What_about_carries_its_topic_and_translate_its_language()
    {
        Assert.Equal("retries", FollowUpDetector.Detect("what about retries?")!.Topic);
        Assert.Equal("재시도", FollowUpDetector.Detect("재시도는요?")!.Topic);
        Assert.Equal("ko", FollowUpDetector.Detect("한국어로 설명해줘")!.TargetLang);
    }
}
