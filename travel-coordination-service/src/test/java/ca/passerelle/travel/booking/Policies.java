package ca.passerelle.travel.booking;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** Scheduling policies bound the way Boot binds them (same defaults, same validation), without a Spring context. */
final class Policies {

    private Policies() {
    }

    static SchedulingProperties defaults() {
        return bind(Map.of());
    }

    static SchedulingProperties withoutAutoPick() {
        return bind(Map.of("passerelle.travel.scheduling.auto-pick", "false"));
    }

    static SchedulingProperties bind(Map<String, String> properties) {
        try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
            validator.afterPropertiesSet();
            return new Binder(new MapConfigurationPropertySource(properties))
                    .bindOrCreate("passerelle.travel.scheduling", Bindable.of(SchedulingProperties.class), new ValidationBindHandler(validator));
        }
    }
}
