package ca.passerelle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ca.passerelle.localstack.Component;
import ca.passerelle.localstack.LocalStack;

/**
 * Optional JFR recordings for profiling ({@code -Dbenchmark.jfr=<folder>}): the start-up of intake-service in P5's
 * training run, and intake, assessment and the dashboard during P4's steps (started and stopped with {@code jcmd}).
 * Off by default; when on, the figures of the recorded processes carry JFR's overhead (the report says so).
 */
final class Flight {

    private Flight() {
    }

    static Path folder() {
        String folder = System.getProperty("benchmark.jfr", "");
        if (folder.isBlank()) {
            return null;
        }
        Path path = Path.of(folder).toAbsolutePath();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            return null;
        }
        return path;
    }

    static void start(LocalStack stack, List<Component> components) {
        if (folder() == null) {
            return;
        }
        for (Component component : components) {
            jcmd(stack.pid(component), "JFR.start", "name=p4", "settings=profile",
                    "filename=" + folder().resolve(component.module() + "-p4.jfr"));
        }
    }

    static void stop(LocalStack stack, List<Component> components) {
        if (folder() == null) {
            return;
        }
        for (Component component : components) {
            jcmd(stack.pid(component), "JFR.stop", "name=p4");
        }
    }

    static void dump(long pid, String recording, Path file) {
        jcmd(pid, "JFR.dump", "name=" + recording, "filename=" + file);
    }

    private static void jcmd(long pid, String... command) {
        if (pid < 0) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.out.println("jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
