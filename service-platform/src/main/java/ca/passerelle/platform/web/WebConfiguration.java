package ca.passerelle.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Installs, in every servlet web service, the problem+json answers and the input limits of {@link HttpLimitsProperties}:
 * the request-size cap (a filter ahead of security) and the page-size cap ({@link PageRequests}, and a check of every
 * {@code Pageable} parameter).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpLimitsProperties.class)
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {

    /** Ahead of security (so an oversized anonymous body costs nothing) and behind the HTTP observation filter. */
    public static final int REQUEST_SIZE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> passerelleRequestSizeLimit(HttpLimitsProperties limits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits));
        registration.setOrder(REQUEST_SIZE_FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    PageRequests pageRequests(HttpLimitsProperties limits) {
        return new PageRequests(limits.maxPageSize());
    }

    /** Checks {@code Pageable} parameters against the same maximum, refusing instead of clamping. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.domain.Pageable")
    static class PageableLimits implements WebMvcConfigurer {

        private final PageRequests pages;
        private final Environment environment;

        PageableLimits(PageRequests pages, Environment environment) {
            this.pages = pages;
            this.environment = environment;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            String prefix = environment.getProperty("spring.data.web.pageable.prefix", "");
            registry.addInterceptor(new PageableLimitInterceptor(pages,
                    prefix + environment.getProperty("spring.data.web.pageable.page-parameter", "page"),
                    prefix + environment.getProperty("spring.data.web.pageable.size-parameter", "size")));
        }
    }
}
