namespace IstioTutor.Core.Labs.Catalog;

/// <summary>The DestinationRule with the reviews subsets that several labs' reference solutions start from.</summary>
internal static class ReviewsSubsets
{
    public const string Yaml = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels:
              version: v1
          - name: v2
            labels:
              version: v2
          - name: v3
            labels:
              version: v3
        """;
}
