using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Validate JWTs at productpage and require a valid one from the test issuer.</summary>
public sealed class JwtAuthLab : ILab
{
    private const string Issuer = "testing@secure.istio.io";

    public LabDefinition Definition { get; } = new(
        "jwt-auth",
        Stage.Intermediate,
        8,
        CoreForPromotion: false,
        new("Require a JWT at productpage", "productpage 에 JWT 요구하기"),
        new("productpage accepts only requests with a valid JWT from issuer testing@secure.istio.io: an invalid token gets 401, a missing token 403, a valid token 200.", "productpage 는 발급자 testing@secure.istio.io 의 유효한 JWT가 있는 요청만 받습니다. 잘못된 토큰은 401, 토큰 없음은 403, 유효한 토큰은 200 입니다."),
        [
            new("Write a RequestAuthentication for app: productpage with a jwtRules entry: issuer testing@secure.istio.io and its jwksUri.", "app: productpage 에 jwtRules(issuer testing@secure.istio.io 와 jwksUri)를 가진 RequestAuthentication 을 씁니다."),
            new("Write an AuthorizationPolicy for app: productpage, action ALLOW, rule from source requestPrincipals [\"testing@secure.istio.io/testing@secure.istio.io\"].", "app: productpage 에 action ALLOW, from source requestPrincipals [\"testing@secure.istio.io/testing@secure.istio.io\"] 규칙의 AuthorizationPolicy 를 씁니다."),
        ],
        [
            new("RequestAuthentication only rejects invalid tokens; a request with no token passes it unauthenticated.", "RequestAuthentication 은 잘못된 토큰만 거부합니다. 토큰이 없는 요청은 인증 없이 통과합니다."),
            new("To require a token, an AuthorizationPolicy must demand a requestPrincipal.", "토큰을 요구하려면 AuthorizationPolicy 가 requestPrincipal 을 요구해야 합니다."),
            new("A request principal is ISSUER/SUBJECT; requestPrincipals: [\"*\"] accepts any valid token.", "request principal 은 ISSUER/SUBJECT 이며 requestPrincipals: [\"*\"] 는 유효한 모든 토큰을 받습니다."),
        ],
        ["RequestAuthentication", "AuthorizationPolicy"],
        [
            """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata:
              name: jwt-example
            spec:
              selector:
                matchLabels:
                  app: productpage
              jwtRules:
              - issuer: testing@secure.istio.io
                jwksUri: https://raw.githubusercontent.com/istio/istio/release-1.24/security/tools/jwt/samples/jwks.json
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: require-jwt
            spec:
              selector:
                matchLabels:
                  app: productpage
              action: ALLOW
              rules:
              - from:
                - source:
                    requestPrincipals:
                    - testing@secure.istio.io/testing@secure.istio.io
            """,
        ],
        new("Tokens were simulated (issuer, subject and whether the signature verifies); no real JWKS was fetched.", "토큰은 시뮬레이션했습니다(발급자, 주체, 서명 검증 여부). 실제 JWKS는 가져오지 않았습니다."));

    public void Check(LabContext context, LabFindings findings)
    {
        var valid = context.Simulate(new SimulationRequest("productpage") { Requests = 10, Jwt = new SimulatedJwt(Issuer, Issuer) });
        var invalid = context.Simulate(new SimulationRequest("productpage") { Requests = 10, Jwt = new SimulatedJwt(Issuer, Issuer, Valid: false) });
        var none = context.Simulate(new SimulationRequest("productpage") { Requests = 10 });
        findings.Expect(
            valid is not null && valid.CountOf(200) == valid.Requests,
            ("A valid token from testing@secure.istio.io gets 200.", "testing@secure.istio.io 의 유효한 토큰은 200을 받습니다."),
            ("A valid token is refused; check the issuer and the requestPrincipals value.", "유효한 토큰이 거부됩니다. issuer 와 requestPrincipals 값을 확인하세요."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));
        findings.Expect(
            invalid is not null && invalid.CountOf(401) == invalid.Requests,
            ("An invalid token gets 401.", "잘못된 토큰은 401을 받습니다."),
            ("An invalid token is not rejected with 401: no RequestAuthentication validates tokens at productpage.", "잘못된 토큰이 401로 거부되지 않습니다. productpage 에서 토큰을 검증하는 RequestAuthentication 이 없습니다."),
            (Definition.Steps[0].En, Definition.Steps[0].Ko));
        findings.Expect(
            none is not null && none.CountOf(403) == none.Requests,
            ("A request without a token gets 403.", "토큰 없는 요청은 403을 받습니다."),
            ($"Requests without a token still get through ({none?.CountOf(200)} of {none?.Requests}).", $"토큰 없는 요청이 여전히 통과합니다({none?.Requests}개 중 {none?.CountOf(200)}개)."),
            (Definition.Hints[0].En + " " + Definition.Hints[1].En, Definition.Hints[0].Ko + " " + Definition.Hints[1].Ko));
    }
}
