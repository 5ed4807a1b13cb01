package ca.passerelle.testinfra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Lists the controller routes of a service that its OpenAPI document does not describe; a service's OpenAPI test
 * asserts the list is empty, so that the published description never lags behind the code. The framework's own
 * routes ({@code /error}, springdoc's endpoints) are left out.
 */
public final class OpenApiInventory {

    private static final Set<String> FRAMEWORK_ROUTES = Set.of("/error");

    private OpenApiInventory() {
    }

    /** Each application route as {@code METHOD /path/{variable}} (every method of a mapping that names none). */
    public static List<String> applicationRoutes(RequestMappingHandlerMapping mapping) {
        Set<String> routes = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (isFramework(handler)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (FRAMEWORK_ROUTES.contains(pattern)) {
                    continue;
                }
                for (String method : methods(info)) {
                    routes.add(method + " " + withoutRegex(pattern));
                }
            }
        });
        return new ArrayList<>(routes);
    }

    /** The application routes that have no operation in the document's {@code paths}. */
    public static List<String> routesMissingFrom(JsonNode openApi, RequestMappingHandlerMapping mapping) {
        return routesMissingFrom(openApi, applicationRoutes(mapping));
    }

    /** Those of the given routes ({@code METHOD /path/{variable}}) that have no operation in the document's {@code paths}. */
    public static List<String> routesMissingFrom(JsonNode openApi, Collection<String> routes) {
        JsonNode paths = openApi.path("paths");
        return routes.stream().filter(route -> {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            return !paths.path(path).has(method);
        }).toList();
    }

    private static boolean isFramework(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith("org.springdoc.");
    }

    private static List<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? List.of("GET", "POST", "PUT", "PATCH", "DELETE")
                : methods.stream().map(RequestMethod::name).toList();
    }

    /** {@code /a/{id:[0-9]+}} is documented as {@code /a/{id}}. */
    private static String withoutRegex(String pattern) {
        return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }
}
