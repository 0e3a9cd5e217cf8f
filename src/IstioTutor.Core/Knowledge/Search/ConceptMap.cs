namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// Istio concepts and the words learners use for them, in English and Korean: a question that says
/// "재시도" should find the lines that say <c>retries:</c>, "by hand" should find "manual injection",
/// "outlierDetection" should find "이상치 감지". Each group is one concept; a question that contains every
/// analyzed term of one form gets the group's other forms as extra, weaker query terms, and a lesson that
/// holds any form counts as covering the concept. General domain vocabulary only, never per question.
/// </summary>
public sealed class ConceptMap
{
    private static readonly string[][] Groups =
    [
        // Traffic management
        ["canary", "canary release", "new version", "카나리", "카나리 배포", "새 버전"],
        ["weight", "weighted", "percentage", "percent", "가중치", "비율", "퍼센트"],
        ["traffic shifting", "traffic split", "split traffic", "트래픽 이동", "트래픽 분할"],
        ["rollback", "roll back", "revert", "롤백", "되돌리기"],
        ["retries", "retry", "retryOn", "attempts", "재시도", "리트라이"],
        ["timeout", "perTryTimeout", "타임아웃", "시간 초과"],
        ["circuit breaker", "circuit breaking", "서킷 브레이커", "서킷 브레이킹", "회로 차단기"],
        ["outlierDetection", "outlier detection", "eject", "ejection", "5xx", "consecutive5xxErrors", "이상치 감지", "아웃라이어", "방출"],
        ["connectionPool", "connection pool", "pending requests", "queue", "연결 풀", "커넥션 풀", "대기 요청"],
        ["fault injection", "inject faults", "chaos", "장애 주입", "결함 주입", "폴트 인젝션", "카오스"],
        ["delay", "fixedDelay", "slow", "지연", "느린"],
        ["abort", "httpStatus", "error", "errors", "중단", "에러", "오류"],
        ["load balancing", "load balancer", "로드 밸런싱", "부하 분산"],
        ["round robin", "ROUND_ROBIN", "라운드 로빈"],
        ["LEAST_REQUEST", "least request", "최소 요청"],
        ["sticky session", "session affinity", "consistentHash", "세션 어피니티", "고정 세션"],
        ["header", "headers", "헤더"],
        ["end-user", "user", "users", "사용자"],
        ["uri", "path", "prefix", "경로", "접두사"],
        ["match", "matches", "matching", "매치", "매칭", "일치"],
        ["order", "first match", "순서", "첫 번째"],
        ["route", "routing", "라우팅", "라우트"],
        ["VirtualService", "virtual service", "가상 서비스", "버추얼서비스"],
        ["DestinationRule", "destination rule", "데스티네이션룰", "대상 규칙"],
        ["subset", "subsets", "서브셋"],
        ["version", "versions", "버전"],
        ["label", "labels", "레이블"],
        // Edges of the mesh
        ["ingress", "inbound", "인그레스", "진입"],
        ["egress", "outbound", "이그레스", "아웃바운드"],
        ["external", "outside the mesh", "외부", "메시 밖"],
        ["ServiceEntry", "service entry", "서비스 엔트리"],
        ["REGISTRY_ONLY", "registry only", "block external", "외부 차단"],
        ["gateway", "gateways", "게이트웨이"],
        ["TLS origination", "TLS 오리지네이션"],
        ["HTTPS", "certificate", "certificates", "cert", "credentialName", "인증서"],
        // Security
        ["mTLS", "mutual TLS", "encryption", "encrypted", "encrypt", "상호 TLS", "엠티엘에스", "암호화"],
        ["STRICT", "strict mode", "엄격 모드", "엄격"],
        ["PERMISSIVE", "permissive mode", "퍼미시브", "허용 모드"],
        ["plaintext", "평문", "암호화되지 않은"],
        ["PeerAuthentication", "peer authentication", "피어 인증"],
        ["AuthorizationPolicy", "authorization policy", "authorization", "authz", "access control", "allow only", "only allow", "인가 정책", "인가", "권한 부여", "접근 제어"],
        ["DENY", "deny", "block", "reject", "거부", "차단", "막"],
        ["ALLOW", "allow", "허용"],
        ["RequestAuthentication", "request authentication", "end-user authentication", "요청 인증", "최종 사용자 인증"],
        ["JWT", "token", "tokens", "토큰"],
        ["jwksUri", "jwks", "public key", "signing key", "공개 키", "서명 키"],
        ["identity", "SPIFFE", "workload identity", "아이덴티티", "신원"],
        ["service account", "serviceAccount", "서비스 계정"],
        // Observability
        ["metrics", "metric", "Prometheus", "메트릭", "지표", "프로메테우스"],
        ["dashboard", "dashboards", "Grafana", "대시보드", "그라파나"],
        ["service graph", "graph", "topology", "Kiali", "그래프", "키알리"],
        ["tracing", "trace", "traces", "distributed tracing", "Jaeger", "추적", "트레이싱", "분산 추적", "예거"],
        ["sampling", "sample rate", "randomSamplingPercentage", "샘플링", "샘플링 비율"],
        ["access log", "access logs", "access logging", "액세스 로그", "접근 로그"],
        ["Telemetry API", "Telemetry", "텔레메트리"],
        // Platform and operations
        ["sidecar", "sidecars", "사이드카"],
        ["Envoy", "proxy", "proxies", "엔보이", "프록시"],
        ["injection", "inject", "injected", "주입"],
        ["manual", "manually", "by hand", "수동"],
        ["automatic", "automatically", "자동"],
        ["restart", "rollout restart", "재시작", "다시 시작"],
        ["namespace", "namespaces", "네임스페이스"],
        ["pod", "pods", "파드"],
        ["control plane", "istiod", "컨트롤 플레인", "제어 평면"],
        ["data plane", "데이터 플레인", "데이터 평면"],
        ["xDS", "config push", "push", "sync", "in sync", "proxy-status", "동기화", "설정 전파", "전달"],
        ["install", "installation", "설치"],
        ["profile", "profiles", "프로파일"],
        ["Helm", "helm chart", "헬름"],
        ["precheck", "사전 점검", "사전 확인"],
        ["upgrade", "upgrades", "업그레이드"],
        ["revision", "revisions", "istio.io/rev", "리비전"],
        ["revision tag", "tag", "tags", "리비전 태그", "태그"],
        ["multicluster", "multi-cluster", "other cluster", "another cluster", "멀티클러스터", "멀티 클러스터", "다른 클러스터", "여러 클러스터"],
        ["remote secret", "create-remote-secret", "원격 시크릿", "리모트 시크릿"],
        ["east-west gateway", "east-west", "동서 게이트웨이", "이스트웨스트"],
        ["multi-primary", "멀티 프라이머리"],
        ["primary-remote", "프라이머리-리모트", "프라이머리 리모트"],
        ["locality", "region", "regions", "zone", "zones", "로컬리티", "지역", "리전", "존"],
        ["failover", "fail over", "페일오버", "장애 조치"],
        ["distribute", "distribution", "분배"],
        ["virtual machine", "VM", "VMs", "가상 머신", "가상머신"],
        ["WorkloadGroup", "workload group", "워크로드 그룹"],
        ["WorkloadEntry", "workload entry", "워크로드 엔트리"],
        ["EnvoyFilter", "엔보이 필터", "엔보이필터"],
        ["Lua", "루아"],
        ["Wasm", "WasmPlugin", "WebAssembly", "웹어셈블리", "와즘"],
        ["OCI", "OCI image", "image", "이미지"],
        ["failStrategy", "FAIL_OPEN", "FAIL_CLOSE", "실패 정책"],
        ["performance", "tuning", "성능", "튜닝"],
        ["memory", "CPU", "resources", "메모리"],
        ["concurrency", "worker threads", "threads", "동시성", "워커 스레드", "스레드"],
        ["Sidecar resource", "egress hosts", "configuration scope", "사이드카 리소스", "설정 범위"],
        ["multi-tenancy", "tenant", "tenants", "멀티테넌시", "테넌트"],
        ["exportTo", "visibility", "visible", "가시성", "노출"],
        ["ambient", "ambient mode", "sidecarless", "앰비언트", "사이드카 없는"],
        ["ztunnel", "L4", "지터널"],
        ["waypoint", "waypoint proxy", "L7", "웨이포인트"],
        ["Bookinfo", "북인포"],
        ["stars", "star", "별", "별점"],
        ["red", "빨간"],
        ["black", "검은"],
        ["use cases", "adoption", "incremental adoption", "사용 사례", "도입", "점진적 도입"],
        ["zero trust", "제로 트러스트"],
        ["risk", "risks", "safe", "danger", "위험", "안전"],
    ];

    private readonly Dictionary<string, LangConcepts> _byLang = new(StringComparer.Ordinal);

    /// <param name="analyze">The index's analysis for a language, so forms are compared as the index stores them.</param>
    public ConceptMap(IEnumerable<string> langs, Func<string, string, IReadOnlyList<string>> analyze)
    {
        foreach (var lang in langs)
        {
            var concepts = Groups
                .Select(g => g.Select(form => analyze(lang, form).Distinct(StringComparer.Ordinal).ToArray()).Where(f => f.Length > 0).ToArray())
                .Where(forms => forms.Length > 1)
                .Select((forms, i) => new Concept(forms, forms.SelectMany(f => f).ToHashSet(StringComparer.Ordinal)) { Id = i })
                .ToArray();
            // Each form is filed under its first term, so a text is matched by looking up its own terms rather
            // than by trying every form of every concept (the index matches ten thousand asks at build time).
            var byFirstTerm = new Dictionary<string, List<(int Concept, string[] Form)>>(StringComparer.Ordinal);
            for (var i = 0; i < concepts.Length; i++)
            {
                foreach (var form in concepts[i].Forms)
                {
                    if (!byFirstTerm.TryGetValue(form[0], out var list))
                    {
                        byFirstTerm[form[0]] = list = [];
                    }

                    list.Add((i, form));
                }
            }

            _byLang[lang] = new LangConcepts(concepts, byFirstTerm);
        }
    }

    public int Count => Groups.Length;

    /// <summary>
    /// Korean spellings of product names the lessons write in Latin letters (Korean learners type both).
    /// The one kind of form allowed that no lesson holds: its group's Latin name is in the lessons.
    /// </summary>
    public static readonly IReadOnlySet<string> Transliterations = new HashSet<string>(StringComparer.Ordinal) { "프로메테우스", "그라파나", "키알리", "예거" };

    /// <summary>Every group's forms as written, for auditing that each form occurs in the curriculum.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Entries => Groups;

    /// <summary>The concepts whose some form is wholly present among <paramref name="questionTerms"/>.</summary>
    public IReadOnlyList<Concept> Matches(string lang, IReadOnlyCollection<string> questionTerms)
    {
        if (!_byLang.TryGetValue(lang, out var concepts))
        {
            return [];
        }

        var set = questionTerms as ISet<string> ?? questionTerms.ToHashSet(StringComparer.Ordinal);
        var matched = new SortedSet<int>();
        foreach (var term in set)
        {
            if (concepts.ByFirstTerm.TryGetValue(term, out var forms))
            {
                foreach (var (concept, form) in forms)
                {
                    if (form.All(set.Contains))
                    {
                        matched.Add(concept);
                    }
                }
            }
        }

        // In the concepts' own order, as callers have always received them.
        return matched.Select(i => concepts.All[i]).ToArray();
    }

    /// <summary>One concept in one language's analysis: each form's terms, and all of them together.</summary>
    public sealed record Concept(IReadOnlyList<string[]> Forms, HashSet<string> Terms)
    {
        /// <summary>The concept's place among its language's concepts: the same idea has the same id in every text.</summary>
        public int Id { get; init; } = -1;
    }

    private sealed record LangConcepts(Concept[] All, Dictionary<string, List<(int Concept, string[] Form)>> ByFirstTerm);
}
