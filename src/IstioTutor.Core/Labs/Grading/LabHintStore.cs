using IstioTutor.Core.Progress.Storage;

namespace IstioTutor.Core.Labs.Grading;

/// <summary>How many hints of each lab a learner has seen, in LiteDB, so /hint reveals the next one across sessions.</summary>
public sealed class LabHintStore(TutorDatabase db)
{
    private const string Collection = "lab_hints";

    /// <summary>Counts one more hint revealed and returns how many are revealed now (capped at <paramref name="available"/>).</summary>
    public int RevealNext(string learnerId, string labId, int available)
    {
        var hints = db.Database.GetCollection<HintDocument>(Collection);
        var id = $"{learnerId}/{labId}";
        var doc = hints.FindById(id) ?? new HintDocument { Id = id };
        doc.Revealed = Math.Min(available, doc.Revealed + 1);
        hints.Upsert(doc);
        return doc.Revealed;
    }

    internal sealed class HintDocument
    {
        public string Id { get; set; } = "";
        public int Revealed { get; set; }
    }
}
