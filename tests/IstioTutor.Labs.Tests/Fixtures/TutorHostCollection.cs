namespace IstioTutor.Labs.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class TutorHostCollection : ICollectionFixture<TutorHostFixture>
{
    public const string Name = "tutor host";
}
