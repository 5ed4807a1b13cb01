package ca.passerelle.gateway.facility;

import java.util.Map;
import java.util.stream.Collectors;

/** Builds the key a read request is remembered under: its upstream path and its sorted parameters. */
final class RequestKeys {

    private RequestKeys() {
    }

    static String of(String path, Map<String, String> sortedParameters) {
        if (sortedParameters.isEmpty()) {
            return path;
        }
        return path + "?" + sortedParameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
