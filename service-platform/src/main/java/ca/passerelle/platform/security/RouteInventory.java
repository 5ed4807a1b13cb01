package ca.passerelle.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Lists the HTTP routes of a service that no {@link AccessRule} names (its policies' rules and the platform's own,
 * {@link SecurityConfiguration#platformRules()}). They are denied anyway; a service's route
 * inventory test asserts the list is empty so that every route has a deliberate rule.
 */
public final class RouteInventory {

    private static final Set<String> FRAMEWORK_ROUTES = Set.of("/error");

    private RouteInventory() {
    }

    public static List<String> routesWithoutRule(RequestMappingHandlerMapping mapping, List<AccessPolicy> policies) {
        List<AccessRule> rules = java.util.stream.Stream.concat(SecurityConfiguration.platformRules().stream(),
                policies.stream().flatMap(policy -> policy.rules().stream())).toList();
        Set<String> missing = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<HttpMethod> httpMethods = methods.isEmpty()
                    ? List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                    : methods.stream().map(method -> HttpMethod.valueOf(method.name())).toList();
            for (String pattern : info.getPatternValues()) {
                if (FRAMEWORK_ROUTES.contains(pattern)) {
                    continue;
                }
                String example = pattern.replaceAll("\\{[^}]+}", "x");
                for (HttpMethod method : httpMethods) {
                    if (rules.stream().noneMatch(rule -> covers(rule, method, example))) {
                        missing.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return new ArrayList<>(missing);
    }

    private static boolean covers(AccessRule rule, HttpMethod method, String path) {
        PathPattern pattern = PathPatternParser.defaultInstance.parse(rule.pattern());
        return (rule.method() == null || rule.method().equals(method)) && pattern.matches(PathContainer.parsePath(path));
    }
}
