using IstioTutor.Core.Knowledge;
using IstioTutor.Llm.Tests.OpenAiServer;

namespace IstioTutor.Llm.Tests;

/// <summary>Started once for the collection: the loopback model server and the built-in curriculum's index.</summary>
public sealed class LlmFixture : IAsyncLifetime
{
    public OpenAiTestServer Model { get; } = new();

    public KnowledgeBase Knowledge { get; } = KnowledgeBase.Build(LessonSource.Embedded());

    public Task InitializeAsync() => Model.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Model.DisposeAsync();
        Knowledge.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LlmCollection : ICollectionFixture<LlmFixture>
{
    public const string Name = "llm";
}
