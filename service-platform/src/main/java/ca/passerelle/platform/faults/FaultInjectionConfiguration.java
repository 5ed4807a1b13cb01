package ca.passerelle.platform.faults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import ca.passerelle.platform.messaging.EventRouter;

/**
 * Registers the test-only fault hooks of {@link FaultInjectionProperties}. With no {@code passerelle.faults.*} set (every
 * deployment) the post-processor returns every bean unchanged; otherwise it wraps each {@link EventRouter} bean (the body
 * of every event consumer) in a {@link FaultInjectingConsumer} and logs a warning naming the faults. It runs before
 * initialization, so the platform's {@code HandlerErrorGuard} (after initialization) wraps the faulty consumer in turn.
 */
@AutoConfiguration
public class FaultInjectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FaultInjectionConfiguration.class);

    @Bean
    static BeanPostProcessor passerelleFaultInjection(Environment environment) {
        FaultInjectionProperties faults = Binder.get(environment).bind(FaultInjectionProperties.PREFIX, FaultInjectionProperties.class)
                .orElse(new FaultInjectionProperties(null, null));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (!faults.anyEnabled() || !(bean instanceof EventRouter router)) {
                    return bean;
                }
                log.warn("TEST-ONLY FAULTS ENABLED on consumer {}: error-on-event-type={}, handler-delay={}", beanName,
                        faults.errorOnEventType(), faults.handlerDelay());
                return new FaultInjectingConsumer(router, faults);
            }
        };
    }
}
