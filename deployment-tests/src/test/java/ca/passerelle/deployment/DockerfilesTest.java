package ca.passerelle.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/** Every runnable module has a layered, non-root image with a health check on its own port. */
class DockerfilesTest {

    /** One Dockerfile instruction (continuation lines joined). */
    record Instruction(String keyword, String arguments) {
    }

    static List<Instruction> parse(String module) {
        String text = Repo.read(module + "/Dockerfile");
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String joined = current.toString().strip();
            int space = joined.indexOf(' ');
            instructions.add(new Instruction(joined.substring(0, space).toUpperCase(), joined.substring(space + 1).strip()));
            current.setLength(0);
        }
        return instructions;
    }

    /** The instructions of the last stage (the image that runs). */
    static List<Instruction> finalStage(List<Instruction> instructions) {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    static List<String> values(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    @Test
    void everyRunnableModuleHasADockerfileAndADockerignoreThatShipsOnlyItsJar() {
        assertThat(ServiceModule.all()).extracting(ServiceModule::name).contains("identity-provider", "facility-api-simulator",
                "facility-gateway", "intake-service", "assessment-service", "travel-coordination-service", "rehab-followup-service",
                "operations-dashboard");
        for (ServiceModule module : ServiceModule.all()) {
            assertThat(Repo.path(module.name() + "/Dockerfile")).as(module.name()).isRegularFile();
            List<String> ignore = Repo.read(module.name() + "/.dockerignore").lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            assertThat(ignore).as(module.name() + "/.dockerignore").containsExactly("*", "!target/" + module.name() + ".jar");
        }
    }

    @Test
    void imagesRunAsAFixedNonRootUserOnTheJre17() {
        for (ServiceModule module : ServiceModule.all()) {
            List<Instruction> instructions = parse(module.name());
            assertThat(values(instructions, "FROM")).as(module.name()).isNotEmpty()
                    .allSatisfy(from -> assertThat(from).startsWith("eclipse-temurin:17-jre"));
            List<String> users = values(finalStage(instructions), "USER");
            assertThat(users).as(module.name() + " USER").hasSize(1);
            String user = users.get(0).split(":")[0];
            assertThat(user).as(module.name() + ": numeric, so that runAsNonRoot can check it").matches("[0-9]+");
            assertThat(Integer.parseInt(user)).as(module.name()).isGreaterThanOrEqualTo(1000);
            // The USER comes after every COPY/RUN of the final stage that could need root, and before the entry point.
            List<Instruction> stage = finalStage(instructions);
            int userIndex = stage.indexOf(stage.stream().filter(i -> i.keyword().equals("USER")).findFirst().orElseThrow());
            int entryIndex = stage.indexOf(stage.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).findFirst().orElseThrow());
            assertThat(userIndex).as(module.name()).isLessThan(entryIndex);
        }
    }

    @Test
    void imagesExposeTheServerPortOfTheirApplicationYmlAndCheckHealthThere() {
        Yaml yaml = Repo.yaml();
        for (ServiceModule module : ServiceModule.all()) {
            List<Instruction> stage = finalStage(parse(module.name()));
            assertThat(values(stage, "EXPOSE")).as(module.name()).containsExactly(String.valueOf(module.port()));
            List<String> healthchecks = values(stage, "HEALTHCHECK");
            assertThat(healthchecks).as(module.name()).hasSize(1);
            String healthcheck = healthchecks.get(0);
            int cmd = healthcheck.indexOf("CMD ");
            assertThat(cmd).as(module.name()).isPositive();
            // Exec form: a JSON array (YAML parses JSON), run without a shell of Docker's.
            List<?> command = yaml.load(healthcheck.substring(cmd + 4));
            String script = String.join(" ", command.stream().map(String::valueOf).toList());
            assertThat(script).as(module.name()).contains("/dev/tcp/127.0.0.1/" + module.port()).contains("GET /actuator/health ")
                    .contains(" 200 ");
        }
    }

    @Test
    void imagesAreBuiltFromTheLayersOfTheBootJarAndStartWithItsLauncher() {
        for (ServiceModule module : ServiceModule.all()) {
            List<Instruction> instructions = parse(module.name());
            assertThat(values(instructions, "COPY")).as(module.name()).contains("target/" + module.name() + ".jar application.jar");
            assertThat(values(instructions, "RUN")).as(module.name())
                    .contains("java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted");
            List<String> layerCopies = values(finalStage(instructions), "COPY").stream().filter(c -> c.startsWith("--from=")).toList();
            assertThat(layerCopies).as(module.name() + ": least to most often changed").containsExactly(
                    "--from=layers /build/extracted/dependencies/ ./",
                    "--from=layers /build/extracted/spring-boot-loader/ ./",
                    "--from=layers /build/extracted/snapshot-dependencies/ ./",
                    "--from=layers /build/extracted/application/ ./");
            assertThat(values(finalStage(instructions), "ENTRYPOINT")).as(module.name())
                    .containsExactly("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        }
    }

    /** Where a module's jar was built already (always after `./mvnw verify`), its layer index names the copied layers. */
    @TestFactory
    Stream<DynamicTest> theCopiedLayersAreTheLayersOfEachBuiltJar() {
        return ServiceModule.all().stream().filter(m -> Files.isRegularFile(jar(m))).map(m -> DynamicTest.dynamicTest(m.name(), () -> {
            try (ZipFile zip = new ZipFile(jar(m).toFile())) {
                var index = zip.getEntry("BOOT-INF/layers.idx");
                assertThat(index).as(m.name() + " is a layered jar").isNotNull();
                String layers = new String(zip.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
                List<String> names = new ArrayList<>();
                Matcher matcher = Pattern.compile("^- \"([a-z-]+)\":", Pattern.MULTILINE).matcher(layers);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
                assertThat(names).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
                assertThat(zip.getEntry("org/springframework/boot/loader/launch/JarLauncher.class")).isNotNull();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private static Path jar(ServiceModule module) {
        return Repo.path(module.name() + "/target/" + module.name() + ".jar");
    }

    @Test
    void oneScriptBuildsTheJarsAndEveryImage() {
        String script = Repo.read("deploy/build-images.sh");
        Matcher block = Pattern.compile("MODULES=\\(\\s*([^)]*)\\)").matcher(script);
        assertThat(block.find()).isTrue();
        List<String> listed = block.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ServiceModule.all().stream().map(ServiceModule::name).toList());
        assertThat(script).contains("./mvnw -B package -DskipTests").contains("build --tag \"${image}\" \"${module}\"");
        assertThat(Files.isExecutable(Repo.path("deploy/build-images.sh"))).isTrue();
    }
}
