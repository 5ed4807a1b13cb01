package ca.passerelle.deployment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An overlay rendered into its resources. With {@code kubectl} on the PATH, by {@code kubectl kustomize} (the real
 * thing: patches, generators, name references). Without it, by a reading of the kustomization tree that resolves
 * resources, namespaces and ConfigMap generators but applies no patch: the base's invariants can still be checked.
 */
record Rendered(String overlay, boolean byKubectl, List<Map<String, Object>> resources) {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    static Rendered overlay(String name) {
        return CACHE.computeIfAbsent(name, Rendered::render);
    }

    /** The overlay as the Java reading of the tree renders it, whether kubectl is there or not. */
    static Rendered byJava(String overlay) {
        return new Rendered(overlay, false, new Kustomization(Repo.path("deploy/overlays/" + overlay)).resources());
    }

    /** Whether overlays are rendered by kubectl here (present, and not turned off with -Dpasserelle.kustomize=java). */
    static boolean renderedByKubectl() {
        return kubectl().isPresent() && !"java".equals(System.getProperty("passerelle.kustomize"));
    }

    static Optional<Path> kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Rendered render(String overlay) {
        Path dir = Repo.path("deploy/overlays/" + overlay);
        Optional<Path> kubectl = kubectl();
        if (kubectl.isPresent() && !"java".equals(System.getProperty("passerelle.kustomize"))) {
            return new Rendered(overlay, true, Repo.yamlDocuments(run(kubectl.get().toString(), "kustomize", dir.toString())));
        }
        return new Rendered(overlay, false, new Kustomization(dir).resources());
    }

    static String run(String... command) {
        try {
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(Tree.string(r, "metadata.name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    /** Pod templates of the workloads: kind/name → template. */
    Map<String, Map<String, Object>> podTemplates() {
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        for (Map<String, Object> resource : resources) {
            String kind = String.valueOf(resource.get("kind"));
            if (List.of("Deployment", "StatefulSet", "Job", "DaemonSet").contains(kind)) {
                templates.put(kind + "/" + Tree.string(resource, "metadata.name"), Tree.map(resource, "spec.template"));
            }
        }
        return templates;
    }

    /** The reading of a kustomization tree used when kubectl is absent. */
    static final class Kustomization {

        private final Path dir;
        private final Map<String, Object> file;

        Kustomization(Path dir) {
            this.dir = dir;
            this.file = Repo.yamlDocuments(Repo.read(dir.resolve("kustomization.yaml"))).get(0);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resources() {
            List<Map<String, Object>> resources = new ArrayList<>();
            for (Object entry : Tree.list(file, "resources")) {
                Path path = dir.resolve(String.valueOf(entry)).normalize();
                if (Files.isDirectory(path)) {
                    resources.addAll(new Kustomization(path).resources());
                } else {
                    resources.addAll(Repo.yamlDocuments(Repo.read(path)));
                }
            }
            for (Map<String, Object> generator : Tree.maps(file, "configMapGenerator")) {
                String name = String.valueOf(generator.get("name"));
                Map<String, Object> data = new LinkedHashMap<>();
                for (Object source : Tree.list(generator, "files")) {
                    Path path = dir.resolve(String.valueOf(source));
                    data.put(path.getFileName().toString(), Repo.read(path));
                }
                for (Object literal : Tree.list(generator, "literals")) {
                    String[] pair = String.valueOf(literal).split("=", 2);
                    data.put(pair[0], pair[1]);
                }
                resources.removeIf(r -> "ConfigMap".equals(r.get("kind")) && name.equals(Tree.string(r, "metadata.name")));
                Map<String, Object> configMap = new LinkedHashMap<>();
                configMap.put("apiVersion", "v1");
                configMap.put("kind", "ConfigMap");
                Map<String, Object> metadata = new LinkedHashMap<>(Map.of("name", name));
                if (!Tree.map(generator, "options.labels").isEmpty()) {
                    metadata.put("labels", new LinkedHashMap<>(Tree.map(generator, "options.labels")));
                }
                configMap.put("metadata", metadata);
                configMap.put("data", data);
                resources.add(configMap);
            }
            for (Map<String, Object> patch : Tree.maps(file, "patches")) {
                if (patch.get("path") != null) {
                    for (Map<String, Object> document : Repo.yamlDocuments(Repo.read(dir.resolve(String.valueOf(patch.get("path")))))) {
                        Map<String, Object> target = resources.stream().filter(r -> Objects.equals(r.get("kind"), document.get("kind"))
                                && Objects.equals(Tree.string(r, "metadata.name"), Tree.string(document, "metadata.name"))).findFirst()
                                .orElseThrow(() -> new AssertionError(dir + ": patch of a missing " + document.get("kind") + " "
                                        + Tree.string(document, "metadata.name")));
                        mergeInto(target, document);
                    }
                } else {
                    List<Map<String, Object>> operations = (List<Map<String, Object>>) (List<?>) Repo.yaml().load(String.valueOf(patch.get("patch")));
                    Map<String, Object> selector = Tree.map(patch, "target");
                    List<Map<String, Object>> targets = resources.stream().filter(r -> matches(r, selector)).toList();
                    if (targets.isEmpty()) {
                        throw new AssertionError(dir + ": patch targets nothing: " + selector);
                    }
                    targets.forEach(t -> operations.forEach(op -> replace(t, String.valueOf(op.get("path")), op.get("value"))));
                }
            }
            for (Map<String, Object> image : Tree.maps(file, "images")) {
                for (Map<String, Object> resource : resources) {
                    Map<String, Object> pod = Tree.map(resource, "spec.template.spec");
                    List<Map<String, Object>> containers = new ArrayList<>(Tree.maps(pod, "containers"));
                    containers.addAll(Tree.maps(pod, "initContainers"));
                    for (Map<String, Object> container : containers) {
                        String[] current = String.valueOf(container.get("image")).split(":", 2);
                        if (current[0].equals(image.get("name"))) {
                            String name = image.get("newName") != null ? String.valueOf(image.get("newName")) : current[0];
                            String tag = image.get("newTag") != null ? String.valueOf(image.get("newTag")) : current.length > 1 ? current[1] : "latest";
                            container.put("image", name + ":" + tag);
                        }
                    }
                }
            }
            Object namespace = file.get("namespace");
            if (namespace != null) {
                for (Map<String, Object> resource : resources) {
                    if (!"Namespace".equals(resource.get("kind"))) {
                        ((Map<String, Object>) resource.get("metadata")).put("namespace", namespace);
                    }
                }
            }
            return resources;
        }

        private static boolean matches(Map<String, Object> resource, Map<String, Object> selector) {
            if (selector.get("kind") != null && !selector.get("kind").equals(resource.get("kind"))) {
                return false;
            }
            if (selector.get("name") != null && !selector.get("name").equals(Tree.string(resource, "metadata.name"))) {
                return false;
            }
            Object labels = selector.get("labelSelector");
            if (labels != null) {
                String[] pair = String.valueOf(labels).split("=", 2);
                return pair[1].equals(String.valueOf(Tree.map(resource, "metadata.labels").get(pair[0])));
            }
            return true;
        }

        /** JSON patch "replace": a path of map keys and list indexes. */
        @SuppressWarnings("unchecked")
        private static void replace(Map<String, Object> resource, String path, Object value) {
            String[] steps = path.substring(1).split("/");
            Object node = resource;
            for (int i = 0; i < steps.length - 1; i++) {
                node = node instanceof List<?> list ? list.get(Integer.parseInt(steps[i])) : ((Map<String, Object>) node).get(steps[i]);
                if (node == null) {
                    throw new AssertionError("patch path " + path + " does not exist in " + Tree.string(resource, "metadata.name"));
                }
            }
            String last = steps[steps.length - 1];
            if (node instanceof List<?> list) {
                ((List<Object>) list).set(Integer.parseInt(last), value);
            } else {
                ((Map<String, Object>) node).put(last, value);
            }
        }

        /** Strategic merge, as far as these manifests need it: maps deep-merged, lists of named items merged by name. */
        @SuppressWarnings("unchecked")
        private static void mergeInto(Map<String, Object> target, Map<String, Object> patch) {
            patch.forEach((key, value) -> {
                Object current = target.get(key);
                if (value instanceof Map<?, ?> map && current instanceof Map<?, ?> existing) {
                    mergeInto((Map<String, Object>) existing, (Map<String, Object>) map);
                } else if (value instanceof List<?> list && current instanceof List<?> existing && !list.isEmpty()
                        && list.stream().allMatch(item -> item instanceof Map<?, ?> m && m.containsKey("name"))) {
                    List<Object> merged = new ArrayList<>(existing);
                    for (Object item : list) {
                        Map<String, Object> named = (Map<String, Object>) item;
                        Object name = named.get("name");
                        Map<String, Object> match = merged.stream().filter(m -> m instanceof Map<?, ?> e && name.equals(e.get("name")))
                                .map(m -> (Map<String, Object>) m).findFirst().orElse(null);
                        if ("delete".equals(named.get("$patch"))) {
                            merged.remove(match);
                        } else if (match != null) {
                            mergeInto(match, named);
                        } else {
                            merged.add(named);
                        }
                    }
                    target.put(key, merged);
                } else {
                    target.put(key, value);
                }
            });
        }
    }
}
