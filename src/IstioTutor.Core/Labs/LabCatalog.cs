using IstioTutor.Core.Progress.Stages;

namespace IstioTutor.Core.Labs;

/// <summary>Every registered lab, in curriculum order (stage, then order within the stage).</summary>
public sealed class LabCatalog : ILabRoster
{
    private readonly Dictionary<string, ILab> _byId;

    public LabCatalog(IEnumerable<ILab> labs)
    {
        All = labs.OrderBy(l => l.Definition.Stage).ThenBy(l => l.Definition.Order).ToList();
        _byId = new Dictionary<string, ILab>(StringComparer.OrdinalIgnoreCase);
        foreach (var lab in All)
        {
            if (!_byId.TryAdd(lab.Definition.Id, lab))
            {
                throw new InvalidOperationException($"Two labs are registered with the id '{lab.Definition.Id}'.");
            }
        }
    }

    public IReadOnlyList<ILab> All { get; }

    IReadOnlyList<RosterLab> ILabRoster.Labs => All.Select(l => new RosterLab(l.Definition.Id, l.Definition.Stage, l.Definition.Order, l.Definition.CoreForPromotion)).ToList();

    public ILab? Find(string id) => _byId.GetValueOrDefault(id.Trim());
}
