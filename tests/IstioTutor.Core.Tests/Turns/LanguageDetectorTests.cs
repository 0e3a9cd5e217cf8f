using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Turns;

public sealed class LanguageDetectorTests
{
    [Fact]
    public void Korean_question_with_English_resource_names_is_korean() =>
        Assert.Equal("ko", LanguageDetector.Detect("VirtualService에서 가중치는 어떻게 나누나요?"));

    [Fact]
    public void English_question_is_english() =>
        Assert.Equal("en", LanguageDetector.Detect("How do I split traffic between reviews v1 and v3?"));

    [Fact]
    public void Text_without_letters_keeps_the_fallback() =>
        Assert.Equal("ko", LanguageDetector.Detect("42 ?", fallback: "ko"));
}
