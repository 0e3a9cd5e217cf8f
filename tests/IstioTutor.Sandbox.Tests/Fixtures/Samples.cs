namespace IstioTutor.Sandbox.Tests.Fixtures;

/// <summary>Manifests shaped like Istio's samples (written for these tests).</summary>
public static class Samples
{
    /// <summary>A ServiceAccount, Service and Deployment like samples/curl/curl.yaml.</summary>
    public static string Curl(string name = "curl", string image = "docker.io/curlimages/curl:8.16.0", string podLabels = "") => $"""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: {name}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
          labels:
            app: {name}
            service: {name}
        spec:
          ports:
          - port: 80
            name: http
          selector:
            app: {name}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}{podLabels}
            spec:
              terminationGracePeriodSeconds: 0
              serviceAccountName: {name}
              containers:
              - name: {name}
                image: {image}
                command: ["/bin/sleep", "infinity"]
                imagePullPolicy: IfNotPresent

        """;

    public static string Namespace(string name, string labels) => $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {name}
          labels:
            {labels}

        """;
}
