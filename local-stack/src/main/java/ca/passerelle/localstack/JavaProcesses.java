package ca.passerelle.localstack;

import java.nio.file.Path;

/** Child JVMs run on the same Java as the launcher. */
final class JavaProcesses {

    private JavaProcesses() {
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
