package ca.passerelle.simulator.faults.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.passerelle.simulator.faults.FaultProperties;
import ca.passerelle.simulator.faults.FaultSwitchboard;
import ca.passerelle.simulator.web.ProblemWriter;

/** Puts the fault filter in front of {@code /v1} only, after the rate limiter: admin and actuator stay healthy. */
@Configuration(proxyBeanMethods = false)
class FaultInjectionConfiguration {

    static final int ORDER = 20;

    @Bean
    FilterRegistrationBean<FaultInjectionFilter> faultInjectionFilter(FaultSwitchboard switchboard,
            FaultProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<FaultInjectionFilter> registration = new FilterRegistrationBean<>(
                new FaultInjectionFilter(switchboard, properties, problems));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(ORDER);
        registration.setName("faultInjectionFilter");
        return registration;
    }

}
