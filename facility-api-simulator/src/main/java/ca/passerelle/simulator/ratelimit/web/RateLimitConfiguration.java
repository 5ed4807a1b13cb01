package ca.passerelle.simulator.ratelimit.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.passerelle.simulator.ratelimit.RateLimitProperties;
import ca.passerelle.simulator.web.ProblemWriter;

/** Puts the rate limiter first in front of {@code /v1} only. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    static final int ORDER = 10;

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(properties.newBucket(), problems));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(ORDER);
        registration.setName("rateLimitFilter");
        return registration;
    }

}
