package com.crmfactory.messaging.deploytests;

import static com.crmfactory.messaging.deploytests.Repo.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.crmfactory.messaging.events.Topics;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * deploy/k8s rendered (base and both overlays, {@link Kustomize}) and parsed: built-in kinds with fabric8's
 * Kubernetes model (a field the model does not know fails), Strimzi, CloudNativePG and KEDA resources against
 * their vendored CRD schemas; then the invariants of issue 14, cross-checked with each service's
 * application.yml and common-events' Topics.
 */
class KubernetesManifestsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Set<String> HPA_ON_CPU = Set.of("gateway-service", "webhook-ingest-service");

    static Stream<String> overlays() {
        return Stream.of("deploy/k8s/base", "deploy/k8s/overlays/local", "deploy/k8s/overlays/production");
    }

    private record Rendered(List<Map<String, Object>> raw, List<HasMetadata> typed) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return typed.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type, String name) {
            return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
        }

        List<Map<String, Object>> kind(String kind) {
            return raw.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }
    }

    private static final Map<String, Rendered> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Rendered render(String dir) {
        return RENDERED.computeIfAbsent(dir, KubernetesManifestsTest::renderOnce);
    }

    private static Rendered renderOnce(String dir) {
        List<Map<String, Object>> raw = Kustomize.build(Repo.path(dir));
        List<HasMetadata> typed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : raw) {
            String id = object.get("kind") + " " + Kustomize.name(object);
            String apiVersion = (String) object.get("apiVersion");
            if (Schemas.hasCrd(apiVersion, (String) object.get("kind"))) {
                Schemas.crdViolations(object).forEach(v -> problems.add(id + ": " + v));
                continue;
            }
            HasMetadata parsed = SERIALIZATION.unmarshal(SERIALIZATION.asYaml(object), HasMetadata.class);
            if (parsed instanceof GenericKubernetesResource) {
                problems.add(id + ": " + apiVersion + " is neither a Kubernetes kind fabric8 models nor a vendored CRD");
            }
            unknownFields(parsed, id, problems);
            typed.add(parsed);
        }
        assertThat(problems).as(dir).isEmpty();
        return new Rendered(raw, typed);
    }

    @org.junit.jupiter.api.Test
    void theChecksBite() {
        Map<String, Object> topic = new java.util.LinkedHashMap<>(Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaTopic",
                "metadata", Map.of("name", "t"), "spec", Map.of("partition", 3)));
        assertThat(Schemas.crdViolations(topic)).as("a misspelt CRD field").isNotEmpty();
        topic.put("spec", Map.of("partitions", "three"));
        assertThat(Schemas.crdViolations(topic)).as("a wrongly typed CRD field").isNotEmpty();
        topic.put("spec", Map.of("partitions", 3));
        assertThat(Schemas.crdViolations(topic)).isEmpty();
        HasMetadata deployment = SERIALIZATION.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec: {replica: 2}
                """, HasMetadata.class);
        List<String> problems = new ArrayList<>();
        unknownFields(deployment, "Deployment d", problems);
        assertThat(problems).as("a field fabric8's model does not know").singleElement().asString().contains("replica");
        Map<String, Object> compose = new java.util.LinkedHashMap<>(Repo.yamlMap(Repo.path("docker-compose.yml")));
        compose.put("service", Map.of());
        assertThat(Schemas.composeViolations(compose)).as("a misspelt top-level Compose key").isNotEmpty();
    }

    /** fabric8 keeps fields it does not model in additionalProperties: any there is a typo or a wrong place. */
    private static void unknownFields(Object node, String path, List<String> problems) {
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            if (node instanceof Collection<?> items) {
                items.forEach(item -> unknownFields(item, path + "[]", problems));
            } else if (node instanceof Map<?, ?> map && !path.endsWith("labels") && !path.endsWith("annotations")) {
                map.values().forEach(v -> unknownFields(v, path + "{}", problems));
            }
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown fields " + extra.keySet());
                }
            } else if (value != null) {
                unknownFields(value, path + "." + method.getName().substring(3), problems);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentIsProbedLimitedAndLockedDown(String dir) {
        Rendered rendered = render(dir);
        List<Deployment> deployments = rendered.all(Deployment.class);
        assertThat(deployments.stream().map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.all().stream().map(ServiceConfig::name).toList());
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            ServiceConfig service = ServiceConfig.named(name);
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getContainers()).as(name).hasSize(1);
            Container container = pod.getContainers().get(0);
            assertProbe(name, container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(name, container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(name, container.getReadinessProbe(), "/actuator/health/readiness");
            assertThat(container.getPorts()).as(name).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(service.port());
            }).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("management");
                assertThat(p.getContainerPort()).isEqualTo(service.managementPort());
            });
            assertThat(env(container, "SERVER_PORT")).isEqualTo(String.valueOf(service.port()));
            assertThat(env(container, "MANAGEMENT_SERVER_PORT")).isEqualTo(String.valueOf(service.managementPort()));
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/port", String.valueOf(service.managementPort()))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            var resources = container.getResources();
            assertThat(resources.getRequests()).as(name + " requests").containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(name + " limits").containsKeys("cpu", "memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            var security = container.getSecurityContext();
            assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(security.getRunAsNonRoot()).as(name).isTrue();
            assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).as(name).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).as(name).anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
            assertThat(pod.getTopologySpreadConstraints()).as(name).isNotEmpty();
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name + ": longer than the 20 s shutdown phase").isGreaterThan(20);
            assertThat(rendered.one(PodDisruptionBudget.class, name).getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            Service svc = rendered.one(Service.class, name);
            assertThat(svc.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                    .containsExactlyInAnyOrder("http:" + service.port(), "management:" + service.managementPort());
            if (service.hasDatabase()) {
                String url = env(container, "SPRING_DATASOURCE_URL");
                String database = url.substring(url.lastIndexOf('/') + 1);
                assertThat(rendered.kind("Database")).as(name + " database " + database)
                        .anySatisfy(db -> assertThat((String) at(db, "spec", "name")).isEqualTo(database));
                assertThat(url).startsWith("jdbc:postgresql://platform-pg-rw:5432/");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretValueIsCommitted(String dir) {
        Rendered rendered = render(dir);
        for (Map<String, Object> secret : rendered.kind("Secret")) {
            assertThat(secret).as("Secret " + Kustomize.name(secret)).doesNotContainKeys("data", "stringData");
        }
        for (Deployment deployment : rendered.all(Deployment.class)) {
            for (EnvVar var : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (var.getName().matches(".*(SECRET|PASSWORD|TOKEN|API_KEY)S?$")) {
                    assertThat(var.getValue()).as(deployment.getMetadata().getName() + " " + var.getName() + " from a Secret").isNull();
                    assertThat(var.getValueFrom().getSecretKeyRef()).isNotNull();
                }
            }
        }
        for (Map<String, Object> configMap : rendered.kind("ConfigMap")) {
            Map<String, Object> data = at(configMap, "data");
            assertThat(data.keySet()).as("ConfigMap " + Kustomize.name(configMap)).noneMatch(k -> k.matches(".*(SECRET|PASSWORD|TOKEN).*"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheServicesUseIsAKafkaTopicAsItsOwnerDeclaresIt(String dir) {
        Rendered rendered = render(dir);
        Map<String, Map<String, Object>> topics = new TreeMap<>();
        for (Map<String, Object> topic : rendered.kind("KafkaTopic")) {
            assertThat((String) at(topic, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("platform-kafka");
            topics.put((String) at(topic, "spec", "topicName"), topic);
        }
        Set<String> expected = new TreeSet<>();
        ServiceConfig.platformTopics().forEach((name, settings) -> {
            expected.add(name);
            Map<String, Object> topic = topics.get(name);
            assertThat(topic).as("KafkaTopic " + name).isNotNull();
            assertThat((Integer) at(topic, "spec", "partitions")).as(name).isEqualTo(settings.partitions());
            assertThat((String) at(topic, "spec", "config", "cleanup.policy")).as(name)
                    .isEqualTo(settings.compacted() ? "compact" : "delete");
        });
        assertThat(expected).containsAll(Topics.all());
        for (ServiceConfig service : ServiceConfig.all()) {
            for (String consumed : service.consumed()) {
                assertThat(expected).as(service.name() + " consumes " + consumed).contains(consumed);
                String deadLetter = Topics.deadLetter(service.name(), consumed);
                expected.add(deadLetter);
                assertThat(topics).as("dead-letter topic " + deadLetter).containsKey(deadLetter);
            }
        }
        assertThat(topics.keySet()).as("no KafkaTopic nobody uses").containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Object> kafka = rendered.kind("Kafka").get(0);
        assertThat((Object) at(kafka, "spec", "kafka", "config", "auto.create.topics.enable")).isEqualTo(false);
        assertThat(rendered.kind("KafkaNodePool")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void consumersScaleOnLagWithinTheirPartitionsAndTheEdgeOnCpu(String dir) {
        Rendered rendered = render(dir);
        Map<String, ServiceConfig.OwnedTopic> partitions = ServiceConfig.platformTopics();
        Set<String> scaledOnLag = new TreeSet<>();
        for (Map<String, Object> scaled : rendered.kind("ScaledObject")) {
            String target = at(scaled, "spec", "scaleTargetRef", "name");
            ServiceConfig service = ServiceConfig.named(target);
            scaledOnLag.add(target);
            int max = (Integer) at(scaled, "spec", "maxReplicaCount");
            int min = (Integer) at(scaled, "spec", "minReplicaCount");
            assertThat(min).as(target).isBetween(1, max);
            List<Map<String, Object>> triggers = at(scaled, "spec", "triggers");
            assertThat(triggers).as(target).isNotEmpty();
            for (Map<String, Object> trigger : triggers) {
                assertThat(trigger.get("type")).isEqualTo("kafka");
                assertThat((String) at(trigger, "metadata", "consumerGroup")).as("the consumer group is spring.application.name")
                        .isEqualTo(service.name());
                String topic = at(trigger, "metadata", "topic");
                assertThat(service.consumed()).as(target + " consumes " + topic).contains(topic);
                assertThat(max).as(target + ": more replicas than " + topic + " has partitions would idle")
                        .isLessThanOrEqualTo(partitions.get(topic).partitions());
                assertThat((String) at(trigger, "metadata", "bootstrapServers")).startsWith("platform-kafka-kafka-bootstrap:");
            }
        }
        Set<String> consumers = new TreeSet<>();
        ServiceConfig.all().stream().filter(s -> !s.consumed().isEmpty() && !HPA_ON_CPU.contains(s.name()))
                .forEach(s -> consumers.add(s.name()));
        assertThat(scaledOnLag).as("a ScaledObject per consumer service").isEqualTo(consumers);
        Set<String> onCpu = new TreeSet<>();
        for (HorizontalPodAutoscaler hpa : rendered.all(HorizontalPodAutoscaler.class)) {
            onCpu.add(hpa.getSpec().getScaleTargetRef().getName());
            assertThat(hpa.getSpec().getMetrics()).anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        }
        assertThat(onCpu).isEqualTo(HPA_ON_CPU);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            assertThat(deployment.getSpec().getReplicas()).as(deployment.getMetadata().getName() + ": replicas belong to its autoscaler").isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableFromOutside(String dir) {
        Rendered rendered = render(dir);
        List<Ingress> ingresses = rendered.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        Ingress ingress = ingresses.get(0);
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                .allSatisfy(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("gateway-service")));
        for (Service service : rendered.all(Service.class)) {
            assertThat(service.getSpec().getType()).as(service.getMetadata().getName()).isIn(null, "ClusterIP");
        }
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        NetworkPolicy deny = policies.stream().filter(p -> p.getMetadata().getName().equals("default-deny")).findFirst().orElseThrow();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/part-of", "omni-messaging");
        Set<Integer> managementPorts = new TreeSet<>();
        ServiceConfig.all().forEach(s -> managementPorts.add(s.managementPort()));
        for (NetworkPolicy policy : policies) {
            for (var rule : policy.getSpec().getIngress()) {
                boolean fromOtherNamespace = rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                        || peer.getIpBlock() != null);
                boolean managementOnly = rule.getPorts().stream().allMatch(p -> managementPorts.contains(p.getPort().getIntVal()));
                boolean platformPods = policy.getSpec().getPodSelector().getMatchLabels() != null
                        && "omni-messaging".equals(policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/part-of"))
                        || policy.getSpec().getPodSelector().getMatchExpressions() != null
                                && !policy.getSpec().getPodSelector().getMatchExpressions().isEmpty();
                boolean gatewayOnly = "gateway-service".equals(policy.getSpec().getPodSelector().getMatchLabels() == null ? null
                        : policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
                if (fromOtherNamespace && platformPods && !gatewayOnly) {
                    assertThat(managementOnly).as(policy.getMetadata().getName()
                            + ": from outside the namespace only the gateway, or Prometheus on management ports").isTrue();
                }
            }
        }
        // the services' public ports: from the gateway alone
        NetworkPolicy fromGateway = policies.stream().filter(p -> p.getMetadata().getName().equals("services-from-gateway")).findFirst().orElseThrow();
        assertThat(fromGateway.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom()).allSatisfy(peer ->
                assertThat(peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "gateway-service"))));
        assertThat(fromGateway.getSpec().getPodSelector().getMatchExpressions().get(0).getValues())
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.all().stream().map(ServiceConfig::name)
                        .filter(n -> !n.equals("gateway-service")).toList());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void observabilityIsShippedAsConfigMaps(String dir) {
        Rendered rendered = render(dir);
        Map<String, Object> dashboards = rendered.kind("ConfigMap").stream()
                .filter(c -> "grafana-dashboards-omni-messaging".equals(Kustomize.name(c))).findFirst().orElseThrow();
        assertThat((String) at(dashboards, "metadata", "labels", "grafana_dashboard")).isEqualTo("1");
        Map<String, Object> data = at(dashboards, "data");
        assertThat(data).hasSize(7);
        data.forEach((file, json) -> assertThat(Schemas.JSON.readTree((String) json).path("panels").isArray()).as(file).isTrue());
        Map<String, Object> prometheus = rendered.kind("ConfigMap").stream()
                .filter(c -> "prometheus-omni-messaging".equals(Kustomize.name(c))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) at(prometheus, "data")).containsKeys("alerts.yml", "prometheus-k8s.yml");
    }

    @org.junit.jupiter.api.Test
    void overlaysDifferWhereTheyShould() {
        Rendered local = render("deploy/k8s/overlays/local");
        Rendered production = render("deploy/k8s/overlays/production");
        assertThat((Integer) at(local.kind("KafkaNodePool").get(0), "spec", "replicas")).isEqualTo(1);
        assertThat((Integer) at(production.kind("KafkaNodePool").get(0), "spec", "replicas")).isGreaterThanOrEqualTo(3);
        assertThat((Integer) at(local.kind("Cluster").get(0), "spec", "instances")).isEqualTo(1);
        assertThat((Object) at(production.kind("Cluster").get(0), "spec", "backup", "barmanObjectStore")).isNotNull();
        assertThat(production.kind("ScheduledBackup")).hasSize(1);
        for (Deployment deployment : production.all(Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .startsWith("registry.example.com/omni-messaging/" + deployment.getMetadata().getName() + ":")
                    .doesNotContain("SNAPSHOT");
        }
        assertThat(production.all(Ingress.class).get(0).getMetadata().getAnnotations()).containsKey("cert-manager.io/cluster-issuer");
        assertThat(Stream.concat(local.raw().stream(), production.raw().stream()))
                .allSatisfy(o -> assertThat((String) at(o, "metadata", "namespace")).isEqualTo("omni-messaging"));
    }

    private static void assertProbe(String name, Probe probe, String path) {
        assertThat(probe).as(name + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(name).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(name + ": probes on the public port").isEqualTo("http");
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

}
