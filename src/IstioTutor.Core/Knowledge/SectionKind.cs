namespace IstioTutor.Core.Knowledge;

public enum SectionKind
{
    Teaching,
    CommonMistakes,
}
