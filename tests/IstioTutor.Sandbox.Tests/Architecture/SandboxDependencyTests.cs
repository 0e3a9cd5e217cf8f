using IstioTutor.Sandbox.Server;
using NetArchTest.Rules;

namespace IstioTutor.Sandbox.Tests.Architecture;

public sealed class SandboxDependencyTests
{
    [Fact]
    public void The_sandbox_uses_the_mesh_engine_and_nothing_of_the_tutor_core()
    {
        var result = Types.InAssembly(typeof(SandboxServer).Assembly)
            .ShouldNot().HaveDependencyOnAny("IstioTutor.Core", "IstioTutor.Bot", "IstioTutor.Cli")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join("\n", (result.FailingTypes ?? []).Select(t => $"{t.FullName}: {t.Explanation}")));
    }
}
