package com.crmfactory.messaging.deploytests;

import static com.crmfactory.messaging.deploytests.Repo.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against the Compose specification's JSON schema (vendored, deploy/schemas/compose-spec) and
 * against the services' own configuration: every service is there with its port, management port, database and
 * the environment variables it reads; the gateway routes to the right ports; every secret comes from .env and
 * .env.example names them all without a real value. {@code docker compose config} (deploy/check.sh) checks
 * interpolation where Docker exists.
 */
class DockerComposeTest {

    private static final Map<String, Object> COMPOSE = Repo.yamlMap(Repo.path("docker-compose.yml"));
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");

    @Test
    void conformsToTheComposeSpecification() {
        assertThat(Schemas.composeViolations(COMPOSE)).isEmpty();
    }

    @Test
    void everyServiceRunsWithItsOwnPortsAndDatabase() {
        Set<String> databases = initScriptDatabases();
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, Object> entry = service(service.name());
            assertThat(entry).as(service.name() + " in docker-compose.yml").isNotNull();
            Map<String, Object> env = at(entry, "environment");
            assertThat(env.get("SERVER_PORT")).as(service.name()).isEqualTo(String.valueOf(service.port()));
            assertThat(env.get("MANAGEMENT_SERVER_PORT")).as(service.name()).isEqualTo(String.valueOf(service.managementPort()));
            assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat((String) env.get("PLATFORM_ORG_CONTEXT_SECRET")).startsWith("${PLATFORM_ORG_CONTEXT_SECRET:?");
            if (service.hasDatabase()) {
                String url = (String) env.get("SPRING_DATASOURCE_URL");
                assertThat(url).as(service.name()).startsWith("jdbc:postgresql://postgres:5432/");
                assertThat(databases).as("databases created by postgres-init.sh").contains(url.substring(url.lastIndexOf('/') + 1));
            } else {
                assertThat(env).as(service.name() + " has no database").doesNotContainKey("SPRING_DATASOURCE_URL");
            }
            assertThat((String) at(entry, "build", "context")).isEqualTo("./" + service.module());
            assertThat((String) at(entry, "build", "dockerfile")).isEqualTo("../deploy/docker/Dockerfile");
            assertThat((String) at(entry, "build", "args", "SERVICE")).isEqualTo(service.module());
            assertThat(String.join(" ", (List<String>) at(entry, "healthcheck", "test")))
                    .contains("/" + service.port() + " ").contains("/actuator/health/readiness");
            assertThat((Map<String, Object>) at(entry, "depends_on")).containsOnlyKeys("kafka", "postgres");
            assertThat((String) at(entry, "depends_on", "kafka", "condition")).isEqualTo("service_healthy");
            assertThat((String) at(entry, "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
            assertThat((Boolean) entry.get("read_only")).as(service.name() + " read-only root filesystem").isTrue();
            assertThat((List<String>) entry.get("tmpfs")).containsExactly("/tmp");
        }
        assertThat(databases).hasSize((int) ServiceConfig.all().stream().filter(ServiceConfig::hasDatabase).count());
    }

    @Test
    void onlyTheGatewayAndTheDevelopmentToolsArePublished() {
        Set<String> published = new TreeSet<>();
        services().forEach((name, entry) -> {
            if (((Map<String, Object>) entry).containsKey("ports")) {
                published.add(name);
            }
        });
        assertThat(published).containsExactlyInAnyOrder("gateway-service", "twilio-simulator", "demo-erp", "prometheus", "grafana");
    }

    @Test
    void theGatewayAndTheIngestShareTheErpWebhookMaster() {
        String master = "${PLATFORM_ERP_WEBHOOK_SECRET:-}";
        assertThat((String) at(service("gateway-service"), "environment", "PLATFORM_ERP_WEBHOOK_SECRET")).isEqualTo(master);
        assertThat((String) at(service("webhook-ingest-service"), "environment", "PLATFORM_ERP_WEBHOOK_SECRET")).isEqualTo(master);
        assertThat(Repo.read(Repo.path("webhook-ingest-service/src/main/resources/application.yml")))
                .contains("${PLATFORM_ERP_WEBHOOK_SECRET:}", "${PLATFORM_ERP_WEBHOOK_ADDITIONAL_SECRETS:}");
        assertThat((String) at(service("demo-erp"), "environment", "DEMO_ERP_WEBHOOK_URL"))
                .isEqualTo("http://gateway-service:8080/api/v1/webhooks/erp/order-status");
    }

    @Test
    void theGatewayRoutesToEveryServiceByTheVariablesItReads() {
        String gatewayYml = Repo.read(Repo.path("gateway-service/src/main/resources/application.yml"));
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(SERVICES_[A-Z_]+_URL):").matcher(gatewayYml);
        while (m.find()) {
            read.add(m.group(1));
        }
        Map<String, Object> env = at(service("gateway-service"), "environment");
        for (ServiceConfig service : ServiceConfig.all()) {
            if (service.name().equals("gateway-service")) {
                continue;
            }
            String key = "SERVICES_" + service.envKey() + "_URL";
            assertThat(read).as("the gateway reads " + key).contains(key);
            assertThat(env.get(key)).isEqualTo("http://" + service.name() + ":" + service.port());
        }
        assertThat(env.keySet().stream().filter(k -> k.startsWith("SERVICES_")).toList()).containsExactlyInAnyOrderElementsOf(read);
        assertThat((String) env.get("PLATFORM_ADMIN_API_KEY")).startsWith("${PLATFORM_ADMIN_API_KEY:?");
    }

    @Test
    void theEnvironmentVariablesAreOnesTheServicesRead() {
        // the product's documented variables (README) and the platform's, as the services bind them
        Set<String> documented = new TreeSet<>(Set.of("PLATFORM_TWILIO_ACCOUNT_SID", "PLATFORM_TWILIO_AUTH_TOKEN",
                "PLATFORM_TWILIO_SMS_NUMBER", "PLATFORM_TWILIO_WHATSAPP_NUMBER", "PLATFORM_TWILIO_API_BASE_URL",
                "PLATFORM_ORG_CONTEXT_SECRET", "PLATFORM_ADMIN_API_KEY", "PLATFORM_BOOTSTRAP_API_KEY",
                "PLATFORM_ERP_WEBHOOK_SECRET", "PLATFORM_ERP_WEBHOOK_ADDITIONAL_SECRETS", "PLATFORM_WEBHOOKS_PUBLIC_BASE_URL", "PLATFORM_OUTBOUND_STATUS_CALLBACK_BASE_URL", "AGENT_ERP_BASE_URL",
                "AGENT_LLM_PROVIDER", "AGENT_LLM_BASE_URL", "AGENT_LLM_API_KEY", "AGENT_LLM_MODEL",
                "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                "SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SERVER_PORT",
                "MANAGEMENT_SERVER_PORT", "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"));
        String readme = Repo.read(Repo.path("README.md"));
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, Object> env = at(service(service.name()), "environment");
            for (String key : env.keySet()) {
                if (key.startsWith("SERVICES_")) {
                    continue;
                }
                assertThat(documented).as(service.name() + ": " + key + " is a variable the services read").contains(key);
                if (key.startsWith("PLATFORM_") || key.startsWith("AGENT_")) {
                    assertThat(readme).as("README documents " + key).contains(key.replaceAll("_(BASE_URL|PROVIDER|MODEL|API_KEY)$", ""));
                }
            }
        }
    }

    @Test
    void secretsComeFromTheEnvFileWhoseExampleHoldsNoSecret() {
        Set<String> required = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        Matcher m = INTERPOLATION.matcher(Repo.read(Repo.path("docker-compose.yml")));
        while (m.find()) {
            used.add(m.group(1));
            if (m.group(2) != null && m.group(2).startsWith(":?")) {
                required.add(m.group(1));
            }
        }
        Map<String, String> example = envExample();
        assertThat(example.keySet()).as(".env.example names every variable docker-compose.yml reads").containsAll(used);
        assertThat(used).as("docker-compose.yml uses every variable of .env.example")
                .containsAll(example.keySet().stream().filter(k -> !k.equals("OMNI_REVISION")).toList());
        assertThat(required).contains("PLATFORM_ORG_CONTEXT_SECRET", "POSTGRES_PASSWORD", "PLATFORM_ADMIN_API_KEY",
                "PLATFORM_TWILIO_AUTH_TOKEN", "GRAFANA_ADMIN_PASSWORD");
        example.forEach((key, value) -> {
            if (key.matches(".*(SECRET|PASSWORD|TOKEN|API_KEY).*") && !value.isEmpty()) {
                assertThat(value).as(key + " in .env.example is a placeholder").startsWith("change-me");
            }
        });
        assertThat(Repo.read(Repo.path(".gitignore"))).containsPattern("(?m)^\\.env$");
    }

    @Test
    void infrastructureAndTheDevelopmentProfile() {
        Map<String, Object> kafka = service("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat((String) at(kafka, "environment", "KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        // decision 3: the services create their topics with the owner's settings; the broker never does
        assertThat((String) at(kafka, "environment", "KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat((String) service("postgres").get("image")).startsWith("postgres:");
        for (String name : List.of("kafka", "postgres", "prometheus", "grafana", "twilio-simulator", "demo-erp")) {
            assertThat((Object) at(service(name), "healthcheck", "test")).as(name + " healthcheck").isNotNull();
        }
        for (String dev : List.of("twilio-simulator", "demo-erp")) {
            assertThat((List<String>) service(dev).get("profiles")).containsExactly("dev");
            assertThat((String) at(service(dev), "environment", "DEVSTACK_BIND_ADDRESS")).isEqualTo("0.0.0.0");
        }
        assertThat((String) at(service("twilio-simulator"), "environment", "SIMULATOR_INGEST_URL"))
                .isEqualTo("http://gateway-service:" + ServiceConfig.named("gateway-service").port());
        assertThat(envExample().get("PLATFORM_TWILIO_API_BASE_URL")).isEqualTo("http://twilio-simulator:8090");
    }

    @Test
    void prometheusScrapesEveryManagementPortAndGrafanaIsProvisioned() {
        Map<String, Object> prometheus = Repo.yamlMap(Repo.path("deploy/observability/prometheus/prometheus.yml"));
        List<Map<String, Object>> jobs = at(prometheus, "scrape_configs");
        List<String> targets = (List<String>) at(((List<Map<String, Object>>) jobs.get(0).get("static_configs")).get(0), "targets");
        assertThat((String) jobs.get(0).get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                ServiceConfig.all().stream().map(s -> s.name() + ":" + s.managementPort()).toList());
        List<String> volumes = (List<String>) service("grafana").get("volumes");
        assertThat(volumes).anyMatch(v -> v.startsWith("./deploy/observability/grafana/dashboards:"))
                .anyMatch(v -> v.startsWith("./deploy/observability/grafana/provisioning:"));
    }

    private static Set<String> initScriptDatabases() {
        Matcher m = Pattern.compile("for db in ([a-z_ ]+); do").matcher(Repo.read(Repo.path("deploy/compose/postgres-init.sh")));
        assertThat(m.find()).isTrue();
        return new TreeSet<>(List.of(m.group(1).trim().split("\\s+")));
    }

    static Map<String, String> envExample() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Repo.read(Repo.path(".env.example")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static Map<String, Object> services() {
        return at(COMPOSE, "services");
    }

    private static Map<String, Object> service(String name) {
        return at(COMPOSE, "services", name);
    }
}
