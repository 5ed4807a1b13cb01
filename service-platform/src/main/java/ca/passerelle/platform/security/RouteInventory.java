package ca.passerelle.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Lists the HTTP routes of a service that no {@link AccessRule} names (its policies' rules and the platform's own,
 * {@link SecurityConfiguration#platformRules()}). They are denied anyway; a service's route
 * inventory test asserts the list is empty so that every route has a deliberate rule.
 * <p>
 * {@link #routesWithoutRule(RequestMappingHandlerMapping, List)} looks at the application's controllers only;
 * {@link #routesWithoutRule(ApplicationContext, List, String...)} at every route the dispatcher serves: every
 * request-mapping handler mapping (controllers, springdoc, the actuator's endpoints), every URL handler mapping
 * (static resources, WebJars, welcome page, bean-name handlers) and functional routes, checked against the platform's
 * rules, its open paths ({@link SecurityConfiguration#OPEN_PATHS}) and deliberately denied actuator paths
 * ({@link SecurityConfiguration#DENIED_PATHS}) as well.
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

    /**
     * Every route the dispatcher of {@code context} serves that no rule names: controllers, springdoc and actuator
     * endpoints, URL-mapped handlers (static resources, WebJars) and functional routes. {@code otherCoveredPatterns}
     * are path patterns the service's own security chain decides outside its {@link AccessPolicy} rules (for example
     * the dashboard's stylesheets, open to any signed-in user).
     */
    public static List<String> routesWithoutRule(ApplicationContext context, List<AccessPolicy> policies, String... otherCoveredPatterns) {
        List<AccessRule> rules = Stream.of(
                SecurityConfiguration.platformRules().stream(),
                policies.stream().flatMap(policy -> policy.rules().stream()),
                anyMethod(SecurityConfiguration.OPEN_PATHS),
                anyMethod(SecurityConfiguration.DENIED_PATHS),
                anyMethod(otherCoveredPatterns)).flatMap(rules1 -> rules1).toList();
        Set<String> missing = new TreeSet<>();
        for (String route : routes(context)) {
            int space = route.indexOf(' ');
            HttpMethod method = HttpMethod.valueOf(route.substring(0, space));
            String pattern = route.substring(space + 1);
            if (pattern.startsWith("functional routes")) {
                missing.add(route);
                continue;
            }
            String example = pattern.replaceAll("\\{[^}]+}", "x");
            if (rules.stream().noneMatch(rule -> covers(rule, method, example))) {
                missing.add(route);
            }
        }
        return new ArrayList<>(missing);
    }

    /**
     * Every route the dispatcher of {@code context} serves, as {@code "METHOD pattern"}: request mappings of every
     * handler mapping (controllers, springdoc, actuator), URL-mapped handlers (GET for resource handlers, every method
     * otherwise) and, when there are any, functional routes as one {@code "GET functional routes: …"} entry.
     */
    public static List<String> routes(ApplicationContext context) {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class, false, false).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<HttpMethod> httpMethods = methods.isEmpty() ? EVERY_METHOD
                        : methods.stream().map(method -> HttpMethod.valueOf(method.name())).toList();
                for (String pattern : info.getPatternValues()) {
                    if (!FRAMEWORK_ROUTES.contains(pattern)) {
                        httpMethods.forEach(method -> routes.add(method.name() + " " + pattern));
                    }
                }
            }
        }
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class, false, false).values()) {
            mapping.getHandlerMap().forEach((pattern, handler) -> {
                List<HttpMethod> httpMethods = handler instanceof org.springframework.web.servlet.resource.ResourceHttpRequestHandler
                        ? List.of(HttpMethod.GET) : EVERY_METHOD;
                httpMethods.forEach(method -> routes.add(method.name() + " " + pattern));
            });
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class, false, false).values()) {
            if (mapping.getRouterFunction() != null) {
                routes.add("GET functional routes: " + mapping.getRouterFunction());
            }
        }
        return new ArrayList<>(routes);
    }

    private static final List<HttpMethod> EVERY_METHOD = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private static Stream<AccessRule> anyMethod(String... patterns) {
        return Arrays.stream(patterns).map(pattern -> new AccessRule(null, pattern, java.util.EnumSet.allOf(Role.class)));
    }

    private static boolean covers(AccessRule rule, HttpMethod method, String path) {
        PathPattern pattern = PathPatternParser.defaultInstance.parse(rule.pattern());
        return (rule.method() == null || rule.method().equals(method)) && pattern.matches(PathContainer.parsePath(path));
    }
}
