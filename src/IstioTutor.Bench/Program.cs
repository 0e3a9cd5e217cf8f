using System.Reflection;
using IstioTutor.Bench;

// Usage: dotnet run -c Release --project src/IstioTutor.Bench [-- NAME ...]
// Runs every benchmark (or the named ones) and prints a Markdown table for the README.
var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"No benchmark named {string.Join(", ", args)}. Known: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}

Console.WriteLine($"| benchmark | figure | value | target |");
Console.WriteLine($"|---|---|---|---|");
foreach (var bench in chosen)
{
    Console.Error.WriteLine($"running {bench.Name}: {bench.Description}");
    foreach (var f in await bench.RunAsync(CancellationToken.None))
    {
        Console.WriteLine($"| {bench.Name} | {f.Name} | {f.Value:0.###} {f.Unit} | {f.Target ?? ""} |");
    }
}

return 0;
