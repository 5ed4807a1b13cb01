package ca.passerelle.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository on disk and the few ways the tests read its files. */
final class Repo {

    static final Path ROOT = findRoot();

    private Repo() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("case-events"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        options.setCodePointLimit(20 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    /** One YAML (or JSON) document as a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(String relative) {
        return (Map<String, Object>) Objects.requireNonNull(yaml().load(read(relative)), relative + " is empty");
    }

    /** Every non-empty document of a multi-document YAML text. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    static boolean isDirectory(String relative) {
        return Files.isDirectory(path(relative));
    }

    static boolean exists(String relative) {
        return Files.exists(path(relative));
    }
}
