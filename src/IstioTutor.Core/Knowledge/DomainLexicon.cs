using System.Text.RegularExpressions;

namespace IstioTutor.Core.Knowledge;

/// <summary>
/// Words that show a question is about Istio, Kubernetes or service meshes. Retrieval scores alone
/// cannot tell "how do I lose weight" from "how do weights work": a question must also carry domain
/// evidence. Strong terms are unambiguous (istio, sidecar, 사이드카); weak ones are the lessons' own
/// keywords, which are on-topic only together with a good match.
/// </summary>
public sealed partial class DomainLexicon
{
    private static readonly string[] StrongTerms =
    [
        "istio", "istiod", "istioctl", "envoy", "sidecar", "sidecars", "mesh", "kubernetes", "k8s", "kubectl", "pod", "pods",
        "namespace", "namespaces", "virtualservice", "virtual service", "destinationrule", "destination rule", "gateway", "gateways",
        "serviceentry", "service entry", "peerauthentication", "peer authentication", "authorizationpolicy", "authorization policy",
        "requestauthentication", "request authentication", "telemetry", "envoyfilter", "wasmplugin", "wasm", "workloadentry",
        "workloadgroup", "ztunnel", "waypoint", "ambient", "mtls", "tls", "jwt", "jwks", "spiffe", "xds", "pilot", "citadel", "kiali",
        "jaeger", "grafana", "prometheus", "zipkin", "bookinfo", "productpage", "canary", "subset", "subsets", "circuit breaker",
        "circuit breaking", "outlier", "fault injection", "retries", "retry", "timeout", "timeouts", "load balancing", "load balancer",
        "ingress", "egress", "multicluster", "multi-cluster", "control plane", "data plane", "east-west", "helm", "revision", "revisions",
        "tracing", "access log", "access logs", "observability", "service discovery", "microservice", "microservices", "proxy",
        "proxies", "traffic", "routing", "zero trust", "zero-trust", "certificate", "certificates", "hbone", "cni", "locality", "failover",
        "fortio", "cluster", "clusters", "workload", "workloads", "deployment", "service account", "authorization", "authentication",
        "upgrade", "upgrades", "lua", "sampling", "metrics", "tenant", "tenants", "multi-tenancy", "vm", "vms", "virtual machine",
        "503", "404", "injection", "inject", "permissive", "strict", "envoyfilter", "sidecar resource", "kiali", "bookinfo",
        "이스티오", "엔보이", "사이드카", "메시", "쿠버네티스", "파드", "네임스페이스", "게이트웨이", "인그레스", "이그레스", "카나리",
        "서킷", "브레이커", "장애 주입", "폴트", "재시도", "타임아웃", "로드 밸런싱", "로드밸런싱", "부하 분산", "트래픽", "라우팅",
        "컨트롤 플레인", "데이터 플레인", "컨트롤플레인", "데이터플레인", "인증서", "상호 tls", "관측", "관찰 가능성", "추적", "트레이싱",
        "메트릭", "멀티클러스터", "멀티 클러스터", "클러스터", "앰비언트", "웨이포인트", "프록시", "서비스 디스커버리", "서비스 검색",
        "마이크로서비스", "업그레이드", "리비전", "서브셋", "가상 서비스", "인가", "권한 부여", "제로 트러스트", "로컬리티", "장애 조치",
        "페일오버", "텔레메트리", "접근 로그", "액세스 로그", "샘플링", "플러그인", "멀티테넌시", "테넌트", "가중치", "워크로드", "서비스 메시",
        "인증", "주입", "가상 머신",
    ];

    /// <summary>Everyday words of the domain that are too common elsewhere to prove a question is on topic by themselves.</summary>
    private static readonly string[] WeakTerms =
    [
        "service", "services", "request", "requests", "header", "headers", "latency", "graph", "endpoint", "endpoints", "version",
        "versions", "v1", "v2", "v3", "http", "grpc", "tcp", "api", "route", "routes", "policy", "policies", "config", "configuration",
        "install", "installation", "profile", "profiles", "trace", "traces", "logs", "encrypted", "encryption",
        "서비스", "요청", "헤더", "지연", "엔드포인트", "버전", "정책", "설정", "설치", "프로파일", "로그", "암호화", "평문", "배포", "존",
    ];

    /// <summary>Names that only Istio (and its mesh) uses: a question naming one is about Istio whatever else it names.</summary>
    private static readonly string[] CoreTerms =
    [
        "istio", "istiod", "istioctl", "envoy", "sidecar", "sidecars", "mesh", "service mesh", "virtualservice", "destinationrule",
        "serviceentry", "peerauthentication", "authorizationpolicy", "requestauthentication", "envoyfilter", "wasmplugin", "workloadentry",
        "workloadgroup", "ztunnel", "waypoint", "ambient", "mtls", "spiffe", "xds", "kiali", "bookinfo", "productpage", "hbone",
        "이스티오", "엔보이", "사이드카", "메시", "앰비언트", "웨이포인트", "북인포",
    ];

    /// <summary>
    /// Istio's own API kinds and tools. A question that names one is asking about it, however chatty the
    /// rest ("spec 비워둔 AuthorizationPolicy …"); "istio" itself is left out, since people name it to say
    /// what they do not mean ("이스티오 말고 이스탄불").
    /// </summary>
    private static readonly string[] NamedTerms =
    [
        "istiod", "istioctl", "virtualservice", "destinationrule", "serviceentry", "peerauthentication", "authorizationpolicy",
        "requestauthentication", "envoyfilter", "wasmplugin", "workloadentry", "workloadgroup", "ztunnel",
        // As learners write them apart. "service entry" stays out: it is an everyday phrase too.
        "virtual service", "destination rule", "peer authentication", "authorization policy", "request authentication",
        "envoy filter", "wasm plugin", "workload entry",
        // How Korean learners spell them out (the lessons mostly write the kind's own name).
        "버추얼서비스", "버추얼 서비스", "데스티네이션룰", "데스티네이션 룰", "오쏘리제이션 폴리시", "오쏘리제이션폴리시",
        "오소리제이션 폴리시", "피어 어센티케이션", "피어어센티케이션", "피어 오센티케이션", "리퀘스트 어센티케이션",
        "서비스엔트리", "엔보이필터", "엔보이 필터", "지티널", "이스티오디",
    ];

    /// <summary>
    /// Technologies and everyday things outside the curriculum that learners also ask about. A question that
    /// names one and no core term is about that, even when it shares a generic word ("Kafka consumer timeout").
    /// </summary>
    private static readonly string[] ForeignTerms =
    [
        "kafka", "rabbitmq", "react", "angular", "vue", "svelte", "python", "java", "javascript", "typescript", "golang", "rust", "ruby",
        "php", "django", "flask", "spring", "rails", "laravel", "nodejs", "npm", "excel", "vlookup", "mysql", "postgres", "postgresql",
        "mongodb", "redis", "elasticsearch", "oracle", "sql", "pandas", "numpy", "tensorflow", "pytorch", "unity", "unreal", "android",
        "ios", "swift", "kotlin", "flutter", "wordpress", "photoshop", "jquery", "css", "html", "celery", "airflow", "spark", "hadoop",
        "nginx", "apache", "haproxy", "ubuntu", "debian", "wifi", "공유기", "와이파이", "엔진엑스", "우분투",
        "카프카", "리액트", "파이썬", "자바", "자바스크립트", "엑셀", "스프링", "장고", "레디스", "안드로이드", "플러터", "판다스",
    ];

    /// <summary>
    /// Everyday things whose words Istio borrows: "circuit breaker", "weight", "sidecar" and "mesh" have
    /// senses at home, on the road and at sea. Besides them, even the mesh's own everyday-sounding names
    /// (<see cref="AmbiguousCoreTerms"/>) do not make a question about Istio ("a sidecar for my motorbike").
    /// </summary>
    private static readonly string[] EverydayTerms =
    [
        "microwave", "kettle", "fuse", "fusebox", "electrician", "electrical panel", "dog", "dogs", "puppy", "kitten",
        "motorcycle", "motorbike", "bedroom", "furniture", "fishing", "fisherman", "trawler", "boat", "boats",
        "두꺼비집", "전자레인지", "전기레인지", "강아지", "반려견", "고양이", "오토바이", "어선", "그물", "낚시",
    ];

    /// <summary>Core terms that are also everyday words: a sidecar on a motorbike, the mesh of a net.</summary>
    private static readonly string[] AmbiguousCoreTerms = ["mesh", "sidecar", "sidecars", "메시", "사이드카"];

    private readonly HashSet<string> _knownWords;
    private readonly string[] _mendTargets;
    private readonly HashSet<string> _coreWords;
    private readonly string[] _corePhrases;
    private readonly HashSet<string> _namedWords = NamedTerms.Where(IsSingleLatinWord).ToHashSet(StringComparer.Ordinal);
    private readonly string[] _namedPhrases = NamedTerms.Where(t => !IsSingleLatinWord(t)).ToArray();
    private readonly HashSet<string> _everydayWords;
    private readonly string[] _everydayPhrases;
    private readonly HashSet<string> _ambiguousCoreWords;
    private readonly string[] _ambiguousCorePhrases;
    private readonly HashSet<string> _foreignWords;
    private readonly string[] _foreignPhrases;
    private readonly HashSet<string> _strongWords;
    private readonly string[] _strongPhrases;
    private readonly HashSet<string> _weakWords;
    private readonly string[] _weakPhrases;

    private DomainLexicon(IEnumerable<string> strong, IEnumerable<string> weak)
    {
        var strongSet = strong.Select(Normalize).Where(t => t.Length > 1).ToHashSet(StringComparer.Ordinal);
        var weakSet = weak.Select(Normalize).Where(t => t.Length > 1 && !strongSet.Contains(t)).ToHashSet(StringComparer.Ordinal);
        _strongWords = strongSet.Where(IsSingleLatinWord).ToHashSet(StringComparer.Ordinal);
        _strongPhrases = strongSet.Where(t => !IsSingleLatinWord(t)).ToArray();
        _weakWords = weakSet.Where(IsSingleLatinWord).ToHashSet(StringComparer.Ordinal);
        _weakPhrases = weakSet.Where(t => !IsSingleLatinWord(t)).ToArray();
        var core = CoreTerms.Select(Normalize).ToArray();
        _coreWords = core.Where(IsSingleLatinWord).ToHashSet(StringComparer.Ordinal);
        _corePhrases = core.Where(t => !IsSingleLatinWord(t)).ToArray();
        var foreign = ForeignTerms.Concat(EverydayTerms).Select(Normalize).ToArray();
        var everyday = EverydayTerms.Select(Normalize).ToArray();
        _everydayWords = everyday.Where(IsSingleLatinWord).ToHashSet(StringComparer.Ordinal);
        _everydayPhrases = everyday.Where(t => !IsSingleLatinWord(t)).ToArray();
        var ambiguous = AmbiguousCoreTerms.Select(Normalize).ToArray();
        _ambiguousCoreWords = ambiguous.Where(IsSingleLatinWord).ToHashSet(StringComparer.Ordinal);
        _ambiguousCorePhrases = ambiguous.Where(t => !IsSingleLatinWord(t)).ToArray();
        _foreignWords = foreign.Where(IsSingleLatinWord).ToHashSet(StringComparer.Ordinal);
        _foreignPhrases = foreign.Where(t => !IsSingleLatinWord(t)).ToArray();
        _knownWords = [.. _strongWords, .. _weakWords, .. _coreWords, .. _foreignWords];
        // The words of strong phrases are targets too ("circiut breaker"), but only count within their phrase.
        _mendTargets = [.. _strongWords.Concat(_strongPhrases.SelectMany(p => p.Split(' ')).Where(IsSingleLatinWord)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The built-in strong terms plus every lesson's keywords as weak terms, less the keywords that are
    /// everyday function words: AuthorizationPolicy's fields "from", "to" and "when" are keywords of its
    /// lesson, and would otherwise make any English sentence domain evidence.
    /// </summary>
    public static DomainLexicon From(IEnumerable<Lesson> lessons) =>
        new(StrongTerms.Concat(NamedTerms), lessons.SelectMany(l => l.Keywords).Where(k => !Search.QuestionStopWords.ForEnglish.Contains(k)).Concat(WeakTerms));

    /// <summary>How many strong and weak domain terms <paramref name="question"/> contains.</summary>
    public DomainEvidence Evidence(string question)
    {
        // Phrases are looked for with each word's typo mended too: "authorizaton policy" names the kind.
        var separated = Search.KoreanBigramAnalyzer.SeparateScripts(question);
        var mended = Normalize(separated).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Mend).ToArray();
        var text = " " + string.Join(' ', mended) + " ";
        var words = mended.ToHashSet(StringComparer.Ordinal);
        // "VS" and "DR" in capitals are chat shorthand for the kinds; lower-case "vs" is "versus".
        var shorthand = Shorthand().Count(separated);
        var strong = words.Count(_strongWords.Contains) + _strongPhrases.Count(p => Contains(text, p)) + shorthand;
        var weak = words.Count(_weakWords.Contains) + _weakPhrases.Count(p => Contains(text, p));
        return new DomainEvidence(strong, weak)
        {
            Core = words.Count(_coreWords.Contains) + _corePhrases.Count(p => Contains(text, p)),
            Named = words.Count(_namedWords.Contains) + _namedPhrases.Count(p => Contains(text, p)) + shorthand,
            // Foreign names also count at the head of a compound ("스프링부트"): refusing is only on their word.
            Foreign = words.Count(_foreignWords.Contains) + _foreignPhrases.Count(p => text.Contains(p, StringComparison.Ordinal)),
            Everyday = words.Count(_everydayWords.Contains) + _everydayPhrases.Count(p => text.Contains(p, StringComparison.Ordinal)),
            AmbiguousCore = words.Count(_ambiguousCoreWords.Contains) + _ambiguousCorePhrases.Count(p => Contains(text, p)),
        };
    }

    /// <summary>
    /// A word no list has, but an edit from a strong domain word ("isito", "sidcar") or a word of a strong
    /// phrase ("circiut"), counts as that word. Only those are targets: "fails" must not become the foreign
    /// "rails" and refuse the question.
    /// </summary>
    private string Mend(string word) =>
        _knownWords.Contains(word) || !Search.Spelling.Correctable(word) ? word : Search.Spelling.Nearest(word, _mendTargets) ?? word;

    /// <summary>
    /// Latin phrases must stand as whole words. Hangul terms may end a compound ("서비스메시") and carry
    /// particles ("메시를", "메시에서"), but what follows them in the word must be an ending the stemmer takes
    /// off: "메시지" (message) is not "메시" (mesh).
    /// </summary>
    private static bool Contains(string text, string phrase)
    {
        if (!phrase.Any(c => c is >= '\uAC00' and <= '\uD7A3'))
        {
            return text.Contains(" " + phrase + " ", StringComparison.Ordinal);
        }

        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf(' ', at + phrase.Length);
            var rest = text[(at + phrase.Length)..(end < 0 ? text.Length : end)];
            if (rest.Length == 0 || Search.KoreanSuffixFilter.Stem(phrase + rest) == phrase)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSingleLatinWord(string t) => LatinWord().Match(t) is { Success: true } m && m.Length == t.Length;

    /// <summary>Lower case, punctuation to spaces ("multi-cluster" and "multi cluster" then agree).</summary>
    private static string Normalize(string s) => Spaces().Replace(Punctuation().Replace(s.ToLowerInvariant(), " "), " ").Trim();

    [GeneratedRegex(@"[^a-z0-9\uAC00-\uD7A3]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\b(?:VS|DR)\b")]
    private static partial Regex Shorthand();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
