package ca.passerelle.benchmarks;

import java.nio.file.Path;

/** Child JVMs (the broker, Kafka's own tools) run on the same Java and class path as the ladder. */
final class ChildJvm {

    private ChildJvm() {
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static String classpath() {
        return System.getProperty("java.class.path");
    }
}
