using IstioTutor.Core.Turns;
namespace IstioTutor.Core.Pipeline;

/// <summary>All registered chat commands by name.</summary>
public sealed class CommandRegistry
{
    private readonly Dictionary<string, ITurnCommand> _byName;

    public CommandRegistry(IEnumerable<ITurnCommand> commands)
    {
        _byName = new Dictionary<string, ITurnCommand>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            if (!_byName.TryAdd(command.Name, command))
            {
                throw new InvalidOperationException($"Two chat commands are registered as /{command.Name}.");
            }
        }
    }

    public IEnumerable<ITurnCommand> All => _byName.Values.OrderBy(c => c.Name, StringComparer.Ordinal);

    public bool TryGet(string name, out ITurnCommand command) => _byName.TryGetValue(name, out command!);
}
