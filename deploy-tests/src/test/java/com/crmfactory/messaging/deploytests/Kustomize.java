package com.crmfactory.messaging.deploytests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small Kustomize: the subset the manifests under deploy/k8s use (resources as files or directories,
 * namespace, patches by path as strategic merges keyed by kind and name, images, configMapGenerator with files
 * and disableNameSuffixHash). Any other field of a kustomization fails the render, so this never silently
 * disagrees with {@code kubectl kustomize} (deploy/check.sh runs the real one where it is installed).
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "patches",
            "images", "configMapGenerator", "generatorOptions");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "StorageClass", "PersistentVolume", "IngressClass");

    private Kustomize() {
    }

    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> kustomization = Repo.yamlMap(dir.resolve("kustomization.yaml"));
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(dir + ": kustomization field '" + key + "' is not supported by this renderer");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : list(kustomization.get("resources"))) {
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else {
                objects.addAll(Repo.yamlDocuments(path));
            }
        }
        objects.addAll(generateConfigMaps(dir, kustomization));
        for (Object patchEntry : listOf(kustomization.get("patches"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> patchSpec = (Map<String, Object>) patchEntry;
            if (patchSpec.keySet().stream().anyMatch(k -> !k.equals("path"))) {
                throw new IllegalStateException(dir + ": only patches with a path are supported: " + patchSpec);
            }
            for (Map<String, Object> patch : Repo.yamlDocuments(dir.resolve((String) patchSpec.get("path")))) {
                Map<String, Object> target = objects.stream().filter(o -> sameObject(o, patch)).findFirst()
                        .orElseThrow(() -> new IllegalStateException(dir + ": patch " + patchSpec + " matches no "
                                + patch.get("kind") + " " + name(patch)));
                merge(target, patch);
            }
        }
        for (Object image : listOf(kustomization.get("images"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) image;
            int replaced = replaceImage(objects, (String) spec.get("name"), (String) spec.get("newName"),
                    String.valueOf(spec.get("newTag")));
            if (replaced == 0) {
                throw new IllegalStateException(dir + ": image " + spec.get("name") + " is used nowhere");
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> object : objects) {
                if (!CLUSTER_SCOPED.contains(String.valueOf(object.get("kind")))) {
                    metadata(object).put("namespace", namespace);
                }
            }
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> generateConfigMaps(Path dir, Map<String, Object> kustomization) {
        Map<String, Object> options = (Map<String, Object>) kustomization.getOrDefault("generatorOptions", Map.of());
        if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash")) && kustomization.containsKey("configMapGenerator")) {
            throw new IllegalStateException(dir + ": this renderer needs generatorOptions.disableNameSuffixHash: true");
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object entry : listOf(kustomization.get("configMapGenerator"))) {
            Map<String, Object> generator = (Map<String, Object>) entry;
            Map<String, Object> data = new LinkedHashMap<>();
            for (String file : list(generator.get("files"))) {
                data.put(Path.of(file).getFileName().toString(), Repo.read(dir.resolve(file)));
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", generator.get("name"));
            Map<String, Object> generatorOptions = (Map<String, Object>) generator.getOrDefault("options", Map.of());
            if (generatorOptions.get("labels") != null) {
                metadata.put("labels", new LinkedHashMap<>((Map<String, Object>) generatorOptions.get("labels")));
            }
            Map<String, Object> configMap = new LinkedHashMap<>();
            configMap.put("apiVersion", "v1");
            configMap.put("kind", "ConfigMap");
            configMap.put("metadata", metadata);
            configMap.put("data", data);
            maps.add(configMap);
        }
        return maps;
    }

    /** Strategic merge as the manifests need it: maps deep-merge, lists of named maps merge by name, others replace. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = target.get(key);
            if (value instanceof Map<?, ?> patchMap && existing instanceof Map<?, ?> targetMap) {
                merge((Map<String, Object>) targetMap, (Map<String, Object>) patchMap);
            } else if (value instanceof List<?> patchList && existing instanceof List<?> targetList && namedMaps(patchList)
                    && namedMaps(targetList)) {
                List<Object> merged = new ArrayList<>(targetList);
                for (Object item : patchList) {
                    Object itemName = ((Map<String, Object>) item).get("name");
                    Map<String, Object> match = (Map<String, Object>) merged.stream()
                            .filter(m -> Objects.equals(((Map<String, Object>) m).get("name"), itemName)).findFirst()
                            .orElse(null);
                    if (match == null) {
                        merged.add(item);
                    } else {
                        merge(match, (Map<String, Object>) item);
                    }
                }
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean namedMaps(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
    }

    @SuppressWarnings("unchecked")
    private static int replaceImage(List<Map<String, Object>> objects, String name, String newName, String newTag) {
        int count = 0;
        for (Map<String, Object> object : objects) {
            List<Map<String, Object>> containers = Repo.at(object, "spec", "template", "spec", "containers");
            for (Map<String, Object> container : containers == null ? List.<Map<String, Object>>of() : containers) {
                String image = (String) container.get("image");
                String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
                if (repository.equals(name)) {
                    container.put("image", (newName == null ? name : newName) + ":" + newTag);
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean sameObject(Map<String, Object> a, Map<String, Object> b) {
        return Objects.equals(a.get("kind"), b.get("kind")) && Objects.equals(name(a), name(b));
    }

    static String name(Map<String, Object> object) {
        return Repo.at(object, "metadata", "name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    private static List<String> list(Object value) {
        return listOf(value).stream().map(String::valueOf).toList();
    }

    private static List<?> listOf(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
