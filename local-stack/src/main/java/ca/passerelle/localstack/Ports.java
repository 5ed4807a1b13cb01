package ca.passerelle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where each part listens, all on 127.0.0.1. */
public record Ports(Map<Component, Integer> services, int kafka, int kafkaController, int mongo) {

    /** The documented ports of the local run. */
    public static Ports defaults() {
        Map<Component, Integer> services = new EnumMap<>(Component.class);
        services.put(Component.DASHBOARD, 8080);
        services.put(Component.INTAKE, 8081);
        services.put(Component.ASSESSMENT, 8082);
        services.put(Component.TRAVEL, 8083);
        services.put(Component.REHAB, 8084);
        services.put(Component.FACILITY_GATEWAY, 8085);
        services.put(Component.FACILITY_API_SIMULATOR, 8090);
        services.put(Component.IDENTITY_PROVIDER, 9000);
        return new Ports(services, 19092, 19093, 27018);
    }

    /** Distinct free ports, for tests that must not collide with a running local stack. */
    public static Ports free() {
        Component[] components = Component.values();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < components.length + 3; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                held.add(socket);
            }
            Map<Component, Integer> services = new EnumMap<>(Component.class);
            for (int i = 0; i < components.length; i++) {
                services.put(components[i], held.get(i).getLocalPort());
            }
            int next = components.length;
            return new Ports(services, held.get(next).getLocalPort(), held.get(next + 1).getLocalPort(), held.get(next + 2).getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the port is released either way
                }
            }
        }
    }

    /** One free port on the loopback interface, e.g. for a second instance of a service. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

}
