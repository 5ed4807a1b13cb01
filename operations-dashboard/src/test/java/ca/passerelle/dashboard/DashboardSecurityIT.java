package ca.passerelle.dashboard;

import static ca.passerelle.events.EventCatalog.CASE_OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.Role;
import ca.passerelle.platform.security.RouteInventory;
import ca.passerelle.testinfra.TestIssuer;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;

/**
 * Who may call what (docs/security-model.md, row "dashboard pages and API": coordinators only): every route has a
 * rule, every API route refuses every other role, pages need a coordinator's login session and bearer tokens open no
 * page.
 */
@DashboardIntegrationTest
class DashboardSecurityIT {

    private static final String LOGIN = "/oauth2/authorization/passerelle-web";
    /** The redirect URI the identity provider registers for operations-dashboard-web. */
    private static final String CALLBACK = "/login/oauth2/code/passerelle";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;
    @Autowired
    List<AccessPolicy> policies;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MockMvc browser;

    @BeforeEach
    void setUp() {
        browser = Browser.of(context);
    }

    // --- route inventory

    @Test
    void everyRouteHasAnExplicitRule() {
        assertThat(RouteInventory.routesWithoutRule(routes, policies)).isEmpty();
    }

    /** The page chain's asset matchers (DashboardSecurityConfiguration): any signed-in user, no data in them. */
    private static final String[] ASSETS = {"/css/**", "/js/**", "/webjars/**"};

    @Test
    void everyRouteTheDispatcherServesHasAnExplicitRuleAssetsActuatorAndApiDocsIncluded() throws Exception {
        assertThat(RouteInventory.routes(context)).as("controllers, springdoc, actuator endpoints and asset handlers, all enumerated")
                .contains("GET /api/cases", "GET /", "GET /v3/api-docs", "GET /actuator/health", "GET /actuator/prometheus",
                        "GET /css/**", "GET /js/**", "GET /webjars/**")
                .as("no catch-all static route").noneMatch(route -> route.endsWith(" /**"));
        assertThat(RouteInventory.routesWithoutRule(context, policies, ASSETS)).isEmpty();

        for (String asset : List.of("/css/dashboard.css", "/js/live.js", "/webjars/htmx.org/dist/htmx.min.js")) {
            assertThat(browser.perform(get(asset).with(Browser.signedIn("someone", "CLINIC"))).andReturn().getResponse().getStatus())
                    .as(asset).isEqualTo(200);
        }
        assertThat(browser.perform(get("/templates/layout.html").with(Browser.coordinator())).andReturn().getResponse().getStatus())
                .as("no other file of the class path is served").isEqualTo(403);
    }

    @Test
    void everyRuleIsForCoordinatorsOnly() {
        List<AccessRule> rules = policies.stream().flatMap(policy -> policy.rules().stream()).toList();

        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule.roles()).containsExactly(Role.COORDINATOR));
    }

    // --- API: bearer tokens, coordinators only

    @Test
    void everyApiRouteRefusesEveryRoleButCoordinatorAndServesTheCoordinator() throws Exception {
        // a red-flag case, so that its urgent referral can be acknowledged (the one POST of the API)
        String caseId = aRedFlagCaseTheDashboardKnows();
        Map<String, String> others = Map.of(
                "specialist", TestTokens.specialist(),
                "clinic", TestTokens.clinic("clinic-qc-laval-01"),
                "hospital", TestTokens.hospital("fr-lyon-chu-01"),
                "service", TestTokens.service("operations-dashboard"),
                "operator", TestIssuer.get().token("metrics-scraper", List.of("OPERATOR"), Map.of()),
                "no role", TestIssuer.get().token("nobody", List.of(), Map.of()));
        List<String[]> apiRoutes = apiRoutes(caseId);
        assertThat(apiRoutes).extracting(route -> route[0] + " " + route[1])
                .contains("GET /api/cases", "GET /api/cases/" + caseId + "/timeline", "GET /api/dead-letters",
                        "POST /api/cases/" + caseId + "/urgent-referral/acknowledge");

        for (String[] route : apiRoutes) {
            for (Map.Entry<String, String> caller : others.entrySet()) {
                HttpResponse<String> response = send(route[0], route[1], caller.getValue());
                assertThat(response.statusCode()).as("%s on %s %s", caller.getKey(), route[0], route[1]).isEqualTo(403);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).doesNotContain(caseId);
            }
            HttpResponse<String> coordinator = send(route[0], route[1], TestTokens.coordinator());
            assertThat(coordinator.statusCode()).as("coordinator on %s %s", route[0], route[1]).isEqualTo(200);
        }
    }

    @Test
    void theApiKeepsNoSession() throws Exception {
        HttpResponse<String> response = send("GET", "/api/cases", TestTokens.coordinator());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anUnnamedApiRouteIsDeniedEvenToACoordinator() throws Exception {
        assertThat(send("GET", "/api/nothing-here", TestTokens.coordinator()).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/dead-letters", TestTokens.coordinator()).statusCode()).isEqualTo(403);
    }

    @Test
    void theMetricsAreForTheMonitoringSystemOnlyAndNameNoCase() throws Exception {
        String caseId = aCaseTheDashboardKnows();
        send("GET", "/api/cases/" + caseId, TestTokens.coordinator());

        assertThat(send("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", TestTokens.coordinator()).statusCode()).isEqualTo(403);
        HttpResponse<String> operator = send("GET", "/actuator/prometheus",
                TestIssuer.get().token("metrics-scraper", List.of("OPERATOR"), Map.of()));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("http_server_requests").contains("uri=\"/api/cases/{caseId}\"").doesNotContain(caseId);
        assertThat(send("GET", "/api/cases", TestIssuer.get().token("metrics-scraper", List.of("OPERATOR"), Map.of())).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theOpenApiDescriptionNeedsAValidTokenAndDescribesTheApi() throws Exception {
        assertThat(send("GET", "/v3/api-docs", null).statusCode()).isEqualTo(401);
        HttpResponse<String> described = send("GET", "/v3/api-docs", TestTokens.coordinator());
        assertThat(described.statusCode()).isEqualTo(200);
        assertThat(described.body()).contains("\"/api/cases\"").contains("\"/api/cases/{caseId}/timeline\"");
    }

    // --- pages: the coordinator's login session

    @Test
    void anAnonymousVisitorIsSentToTheIdentityProvidersLogin() throws Exception {
        for (String page : List.of("/", "/cases", "/cases/c-anything", "/queues", "/dead-letters", "/?lang=en", "/css/dashboard.css")) {
            HttpResponse<String> response = send("GET", page, null);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(location ->
                    assertThat(location).endsWith(LOGIN));
        }
    }

    @Test
    void aBearerTokenOpensNoPage() throws Exception {
        HttpResponse<String> response = send("GET", "/", TestTokens.coordinator());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(LOGIN));
    }

    @Test
    void theLoginIsAnAuthorizationCodeRequestWithPkceForThePublicDashboardClient() throws Exception {
        HttpResponse<String> response = send("GET", LOGIN, null);

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath())
                .isEqualTo(TestIssuer.get().issuer() + "/oauth2/authorize");
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "operations-dashboard-web")
                .containsEntry("scope", "openid")
                .containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/login/oauth2/code/passerelle")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge")
                .doesNotContainKey("client_secret");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        // Its own cookie name: the identity provider shares the host, and a shared JSESSIONID would lose this login.
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("PASSERELLE_DASHBOARD_SESSION="))
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
    }

    @Test
    void theIdentityProvidersCallbackCompletesTheLoginStartedInThisSession() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String authorize = browser.perform(get(LOGIN).session(session)).andReturn().getResponse().getRedirectedUrl();
        String state = query(URI.create(authorize)).get("state");

        MockHttpServletResponse forged = browser.perform(get(CALLBACK).param("code", "a-code").param("state", "forged").session(session))
                .andReturn().getResponse();
        assertThat(forged.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(loginError(session)).isEqualTo("authorization_request_not_found");

        // the right state: the dashboard redeems the code at the issuer's token endpoint, which (being the test issuer,
        // without an authorization endpoint) refuses it with 401: the login fails there, after state and registration matched
        MockHttpServletResponse redeemed = browser.perform(get(CALLBACK).param("code", "a-code").param("state", state).session(session))
                .andReturn().getResponse();
        assertThat(redeemed.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(loginError(session)).isEqualTo("invalid_token_response");
    }

    @Test
    void onlyACoordinatorsSessionSeesThePages() throws Exception {
        for (String role : List.of("SPECIALIST", "CLINIC", "HOSPITAL", "SERVICE")) {
            for (String page : List.of("/", "/cases", "/cases/c-anything", "/queues", "/dead-letters", "/?lang=en")) {
                MockHttpServletResponse response = browser.perform(get(page).with(Browser.signedIn("someone", role)))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as("%s on %s", role, page).isEqualTo(403);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as("%s on %s", role, page).doesNotContain("Dossiers");
            }
        }
        assertThat(browser.perform(get("/cases").with(Browser.coordinator())).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aCoordinatorsSessionOpensNothingThePolicyDoesNotName() throws Exception {
        assertThat(browser.perform(get("/actuator/metrics").with(Browser.coordinator())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(browser.perform(post("/").with(csrf()).with(Browser.coordinator())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void signingOutNeedsTheCsrfToken() throws Exception {
        MockHttpServletResponse forged = browser.perform(post("/logout").with(Browser.coordinator())).andReturn().getResponse();
        MockHttpServletResponse real = browser.perform(post("/logout").with(csrf()).with(Browser.coordinator())).andReturn().getResponse();

        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(real.getStatus()).isEqualTo(302);
        assertThat(real.getRedirectedUrl()).isEqualTo("/login?logout");
    }

    @Test
    void healthStaysOpenForProbesAndNothingElseDoes() throws Exception {
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/metrics", null).statusCode()).isEqualTo(302);
        assertThat(send("GET", "/actuator/env", TestTokens.coordinator()).statusCode()).isEqualTo(302);
    }

    private String aCaseTheDashboardKnows() {
        CaseEvents events = CaseEvents.forNewCase();
        EventEnvelope opened = events.event(CASE_OPENED);
        TopicProbe.send(kafka, EventCatalog.byName(opened.type()).orElseThrow().topic(), opened.subject(), EventCodec.write(opened));
        Http api = Http.asCoordinator(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/cases/" + events.caseId()).getStatusCode().value()).isEqualTo(200));
        return events.caseId();
    }

    private String aRedFlagCaseTheDashboardKnows() {
        String caseId = aCaseTheDashboardKnows();
        EventEnvelope referral = CaseEvents.forCase(caseId).event(EventCatalog.URGENT_REFERRAL_REQUIRED);
        TopicProbe.send(kafka, EventCatalog.byName(referral.type()).orElseThrow().topic(), referral.subject(), EventCodec.write(referral));
        Http api = Http.asCoordinator(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.json("/api/cases/" + caseId).get("terminalReason").asString()).isEqualTo("URGENT_REFERRAL"));
        return caseId;
    }

    /** Every API route the application maps, each method, with {@code caseId} filled in; other variables fail the test. */
    private List<String[]> apiRoutes(String caseId) {
        List<String[]> found = new ArrayList<>();
        for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? List.of("GET", "POST", "PUT", "PATCH", "DELETE")
                    : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replace("{caseId}", caseId);
                assertThat(path).as("give the role matrix an example value for " + pattern).doesNotContain("{");
                methods.forEach(method -> found.add(new String[] {method, path}));
            }
        }
        return found;
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String loginError(MockHttpSession session) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(failure).isInstanceOf(OAuth2AuthenticationException.class);
        return ((OAuth2AuthenticationException) failure).getError().getErrorCode();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }
}
