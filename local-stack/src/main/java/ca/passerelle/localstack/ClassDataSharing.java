package ca.passerelle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application class-data sharing for the local run (benchmarks P5: the whole stack ready in about half the time). Each
 * service runs from its jar extracted once ({@code java -Djarmode=tools -jar x.jar extract}: classes in a fat jar's
 * nested jars cannot be archived); its first run records an archive of the classes it loaded, written when it stops
 * ({@code -XX:ArchiveClassesAtExit}); every later run maps that archive ({@code -XX:SharedArchiveFile}). A new build of
 * the jar starts over. Anything that fails here leaves the service on its fat jar without an archive: slower, never broken.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);
    /** How long a recording service may take to stop: writing the archive takes seconds of CPU per service. */
    static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(120);

    private final Path folder;

    ClassDataSharing(Path folder) {
        this.folder = folder;
    }

    /** How a service is launched: from which jar, with which extra JVM options, and whether it records its archive. */
    record Launch(Path jar, List<String> jvmOptions, boolean recording) {
    }

    Launch prepare(Component component, Path fatJar) {
        String module = component.module();
        Path extracted = folder.resolve(module);
        Path jar = extracted.resolve(module + ".jar");
        Path archive = folder.resolve(module + ".jsa");
        Path stampFile = folder.resolve(module + ".stamp");
        Path attempted = folder.resolve(module + ".recorded");
        try {
            String stamp = Files.size(fatJar) + "-" + Files.getLastModifiedTime(fatJar).toMillis();
            boolean current = Files.isRegularFile(jar) && Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp);
            if (!current) {
                Files.deleteIfExists(archive);
                Files.deleteIfExists(attempted);
                Files.deleteIfExists(stampFile);
                deleteRecursively(extracted);
                extract(fatJar, extracted);
                Files.writeString(stampFile, stamp);
            }
            // A JVM that fails to write its archive when it stops (e.g. JDK 17's dynamic dump crashes on travel's class set,
            // SystemDictionaryShared::adjust_lambda_proxy_class_dictionary) leaves its crash report here, not in the
            // working folder.
            String errorFile = "-XX:ErrorFile=" + folder.resolve(module + "-hs_err_pid%p.log");
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return new Launch(jar, List.of("-XX:SharedArchiveFile=" + archive, errorFile), false);
            }
            if (Files.exists(attempted)) {
                // Recorded once for this build and no archive came of it: do not pay for recording again.
                return new Launch(jar, List.of(errorFile), false);
            }
            Files.writeString(attempted, stamp);
            log.info("{}: first run of this build, recording its class-data archive (written when it stops; later starts are faster)", module);
            return new Launch(jar, List.of("-XX:ArchiveClassesAtExit=" + archive, errorFile), true);
        } catch (IOException | RuntimeException e) {
            log.warn("{}: class-data sharing not available ({}); it runs from its jar without it", module, e.getMessage());
            return new Launch(fatJar, List.of(), false);
        }
    }

    private void extract(Path fatJar, Path destination) throws IOException {
        Files.createDirectories(folder);
        Path output = folder.resolve("extract.log");
        Process process = new ProcessBuilder(JavaProcesses.javaBinary(), "-Djarmode=tools", "-jar", fatJar.toString(), "extract",
                "--destination", destination.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("could not extract " + fatJar + " (see " + output + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + fatJar, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
