package ca.passerelle.rehab.plan;

import java.util.Map;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** Binds {@link RehabPlanProperties} the way Boot does, so tests see the real defaults and the real validation. */
final class PlanSettings {

    private static final LocalValidatorFactoryBean VALIDATOR = validator();

    private PlanSettings() {
    }

    static RehabPlanProperties defaults() {
        return bind(Map.of());
    }

    static RehabPlanProperties bind(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        BindHandler validation = new ValidationBindHandler(VALIDATOR);
        return binder.bindOrCreate("passerelle.rehab.plan", Bindable.of(RehabPlanProperties.class), validation);
    }

    static RehabPlanPolicy policy() {
        return new RehabPlanPolicy(defaults());
    }

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }
}
