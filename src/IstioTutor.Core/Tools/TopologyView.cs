namespace IstioTutor.Core.Tools;

/// <summary>The sample app as the learner's namespace has it: services with their versions, who calls whom, and the routes configured.</summary>
public sealed record TopologyView(string Namespace, IReadOnlyList<string> Services, IReadOnlyList<string> Calls, IReadOnlyList<string> Routes, string Cluster);
