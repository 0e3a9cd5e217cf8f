using System.Collections.Concurrent;

namespace IstioTutor.Sandbox.Shell;

/// <summary>
/// Files curl writes in a pod (cookie jars, -o output), kept in memory per pod so a later exec reads them back
/// as a container's filesystem would: at most <see cref="MaxFilesPerPod"/> files of <see cref="MaxFileChars"/>
/// characters per pod, for at most <see cref="MaxPods"/> pods. Nothing touches the host's disk.
/// </summary>
internal sealed class PodFiles
{
    public const int MaxFilesPerPod = 32;
    public const int MaxFileChars = 64 * 1024;
    public const int MaxPods = 2000;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _pods = new(StringComparer.Ordinal);

    /// <summary>Stores a file; false (nothing stored) when the pod's scratch space is full or the content too large.</summary>
    public bool Write(string pod, string path, string content)
    {
        if (content.Length > MaxFileChars || (_pods.Count >= MaxPods && !_pods.ContainsKey(pod)))
        {
            return false;
        }

        var files = _pods.GetOrAdd(pod, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        if (files.Count >= MaxFilesPerPod && !files.ContainsKey(path))
        {
            return false;
        }

        files[path] = content;
        return true;
    }

    public string? Read(string pod, string path) =>
        _pods.TryGetValue(pod, out var files) && files.TryGetValue(path, out var content) ? content : null;

    public IEnumerable<string> List(string pod) => _pods.TryGetValue(pod, out var files) ? files.Keys : [];
}
