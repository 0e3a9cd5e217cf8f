namespace IstioTutor.Sandbox.Hosting;

/// <summary>Writes a kubeconfig that points kubectl (or any client) at a sandbox server over plain HTTP.</summary>
public static class SandboxKubeconfig
{
    public const string FileName = "sandbox.kubeconfig";
    public const string ContextName = "istiotutor-sandbox";

    public static string Render(Uri server, string? defaultNamespace = null) =>
        $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {ContextName}
          cluster:
            server: {server.GetLeftPart(UriPartial.Authority)}
        users:
        - name: learner
          user:
            # The sandbox asks for no credentials; KubernetesClient insists that a user has some.
            token: istiotutor-sandbox
        contexts:
        - name: {ContextName}
          context:
            cluster: {ContextName}
            user: learner
            namespace: {defaultNamespace ?? "default"}
        current-context: {ContextName}

        """;

    public static void Write(string path, Uri server, string? defaultNamespace = null) =>
        File.WriteAllText(path, Render(server, defaultNamespace));
}
