using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Storage;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using Microsoft.Extensions.Options;

// Usage: BurstWriter DATA_DIR LEARNER
// Prints "ack N" only after Record returned, i.e. after the write was committed; the test checks that
// every acknowledged N is in the file after this process is killed with SIGKILL.
var data = new DataDirectory(args[0]);
var learnerId = args[1];
using var db = new TutorDatabase(data);
var learners = new LiteDbLearnerStore(db, Options.Create(new TutorOptions()), TimeProvider.System);
var log = new LiteDbProgressLog(db, LessonStages.BuiltIn(), Options.Create(new ProgressOptions()));
learners.Resolve(Door.Terminal, learnerId, learnerId);
Console.Out.WriteLine("ready");
Console.Out.Flush();
for (var i = 0; ; i++)
{
    log.Record(new ProgressEvent(learnerId, ProgressEventKind.LessonOpened, $"burst-{i}", Door.Terminal, DateTimeOffset.UtcNow));
    Console.Out.WriteLine($"ack {i}");
    Console.Out.Flush();
}
