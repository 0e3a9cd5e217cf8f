namespace IstioTutor.Bench;

/// <summary>
/// One benchmark of the <c>bench</c> program. Implementations are found by reflection, so adding a
/// benchmark is adding one file.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line ("index", "answer", ...).</summary>
    string Name { get; }

    /// <summary>What is measured and the target it is held to, for the report.</summary>
    string Description { get; }

    /// <summary>Runs the measurement and returns figures ready to print (name → value with unit).</summary>
    Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken);
}

/// <summary>One measured figure and, when the issue sets one, its target.</summary>
public sealed record BenchFigure(string Name, double Value, string Unit, string? Target = null);
