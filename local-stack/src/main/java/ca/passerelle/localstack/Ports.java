package ca.passerelle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/** Where each part listens, all on 127.0.0.1. */
record Ports(Map<Component, Integer> services, int kafka, int kafkaController, int mongo) {

    /** The documented ports of the local run. */
    static Ports defaults() {
        Map<Component, Integer> services = new EnumMap<>(Component.class);
        services.put(Component.DASHBOARD, 8080);
        services.put(Component.INTAKE, 8081);
        services.put(Component.ASSESSMENT, 8082);
        services.put(Component.TRAVEL, 8083);
        services.put(Component.REHAB, 8084);
        services.put(Component.FACILITY_GATEWAY, 8085);
        services.put(Component.FACILITY_API_SIMULATOR, 8090);
        return new Ports(services, 19092, 19093, 27018);
    }

    /** Free ports, for tests that must not collide with a running local stack. */
    static Ports free() {
        Map<Component, Integer> services = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            services.put(component, freePort());
        }
        return new Ports(services, freePort(), freePort(), freePort());
    }

    int of(Component component) {
        return services.get(component);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafka;
    }

    String baseUrl(Component component) {
        return "http://127.0.0.1:" + of(component);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
