package ca.passerelle.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Prometheus scrapes every service with an OAuth2 token; Grafana shows metrics that the code really registers. */
class ObservabilityTest {

    static final Map<String, Object> PROMETHEUS = Repo.yamlMap("deploy/compose/prometheus.yml");
    static final String DASHBOARD = "deploy/observability/grafana/passerelle-dashboard.json";

    @Test
    void prometheusScrapesEveryPlatformServiceOnItsPortWithAMetricsScraperToken() {
        List<Map<String, Object>> jobs = Tree.maps(PROMETHEUS, "scrape_configs").stream()
                .filter(job -> "/actuator/prometheus".equals(job.get("metrics_path"))).toList();
        assertThat(jobs).isNotEmpty();
        Set<String> targets = new TreeSet<>();
        for (Map<String, Object> job : jobs) {
            assertThat(Tree.string(job, "oauth2.client_id")).isEqualTo("metrics-scraper");
            assertThat(Tree.string(job, "oauth2.token_url")).isEqualTo(ComposeTest.issuer() + "/protocol/openid-connect/token");
            String secretFile = Tree.string(job, "oauth2.client_secret_file");
            List<Map<String, Object>> mounted = Tree.maps(ComposeTest.service("prometheus"), "secrets");
            assertThat(mounted).anySatisfy(secret -> assertThat("/run/secrets/" + secret.get("target")).isEqualTo(secretFile));
            Tree.maps(job, "static_configs").forEach(config -> Tree.list(config, "targets").forEach(t -> targets.add(String.valueOf(t))));
        }
        List<String> expected = ServiceModule.platformServices().stream().map(m -> m.name() + ":" + m.port()).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(6);
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Tree.list(ComposeTest.service("prometheus"), "volumes")).contains("./deploy/compose/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void theScraperSecretIsTheRealmsMetricsScraperSecret() {
        String variable = Tree.string(ComposeTest.COMPOSE, "secrets.metrics-scraper-secret.environment");
        assertThat(variable).isEqualTo("PASSERELLE_SECRET_METRICS_SCRAPER");
        assertThat(ComposeTest.environment(ComposeTest.service("keycloak"))).containsKey(variable);
        // Once the realm has its metrics-scraper client, its secret must be this same variable.
        Tree.maps(Expected.realm(), "clients").stream().filter(c -> "metrics-scraper".equals(c.get("clientId")))
                .forEach(client -> assertThat(client.get("secret")).isEqualTo("${" + variable + "}"));
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndThePasserelleDashboard() {
        Map<String, Object> datasources = Repo.yamlMap("deploy/compose/grafana/provisioning/datasources/prometheus.yml");
        assertThat(Tree.maps(datasources, "datasources")).singleElement().satisfies(ds -> {
            assertThat(ds.get("type")).isEqualTo("prometheus");
            assertThat(ds.get("url")).isEqualTo("http://prometheus:9090");
        });
        Map<String, Object> providers = Repo.yamlMap("deploy/compose/grafana/provisioning/dashboards/passerelle.yml");
        String path = Tree.string(Tree.maps(providers, "providers").get(0), "options.path");
        Map<String, Object> grafana = ComposeTest.service("grafana");
        assertThat(Tree.list(grafana, "volumes")).contains("./deploy/compose/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./" + DASHBOARD + ":" + path + "/passerelle-dashboard.json:ro");
        assertThat(Tree.string(grafana, "depends_on.prometheus.condition")).isEqualTo("service_healthy");
    }

    static List<String> dashboardExpressions() {
        Map<String, Object> dashboard = Repo.yamlMap(DASHBOARD);
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : Tree.maps(dashboard, "panels")) {
            Tree.maps(panel, "targets").forEach(t -> expressions.add(String.valueOf(t.get("expr"))));
        }
        return expressions;
    }

    @Test
    void theDashboardShowsFunnelLatencyLagBreakersOutboxAndDeadLetters() {
        String all = String.join("\n", dashboardExpressions());
        assertThat(all).contains("passerelle_events_consumed_total", "http_server_requests_seconds_bucket", "histogram_quantile(0.99",
                "spring_cloud_stream_binder_kafka_offset", "resilience4j_circuitbreaker_state", "passerelle_outbox_pending", "dlq");
        Map<String, Object> dashboard = Repo.yamlMap(DASHBOARD);
        assertThat(dashboard.get("uid")).isEqualTo("passerelle-overview");
        for (Map<String, Object> panel : Tree.maps(dashboard, "panels")) {
            if (!"row".equals(panel.get("type"))) {
                assertThat(Tree.maps(panel, "targets")).as(String.valueOf(panel.get("title"))).isNotEmpty();
            }
        }
    }

    /** Every passerelle_* / facility_* series the dashboard queries is a meter some module registers. */
    @Test
    void theDashboardsOwnMetricsAreRegisteredByTheCode() {
        Set<String> registered = registeredMeterNames();
        assertThat(registered).contains("passerelle.outbox.pending", "passerelle.events.consumed");
        Matcher matcher = Pattern.compile("\\b((?:passerelle|facility)_[a-z_]+)").matcher(String.join("\n", dashboardExpressions()));
        Set<String> used = new TreeSet<>();
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        assertThat(used).isNotEmpty();
        for (String series : used) {
            String meter = series.replaceAll("_(total|bucket|count|sum|seconds|max)$", "").replace('_', '.');
            assertThat(registered).as(series + " is not registered by any module (meter " + meter + ")").contains(meter);
        }
    }

    /** Meter names in the main sources: string literals given to Micrometer builders and registry shortcuts. */
    static Set<String> registeredMeterNames() {
        Set<String> names = new TreeSet<>();
        Pattern meter = Pattern.compile("(?:Counter|Timer|Gauge|DistributionSummary|LongTaskTimer)\\.builder\\(\"([a-z0-9.]+)\"|"
                + "\\.(?:counter|timer|gauge|summary)\\(\"([a-z0-9.]+)\"");
        try (Stream<Path> files = Files.walk(Repo.ROOT)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).forEach(file -> {
                Matcher matcher = meter.matcher(Repo.read(file));
                while (matcher.find()) {
                    names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
