package ca.passerelle.platform.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;

import ca.passerelle.platform.faults.FaultInjectingConsumer;
import ca.passerelle.platform.messaging.EventRouter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Consumers that stop are seen: every {@link EventRouter} consumer is wrapped in a {@link HandlerErrorGuard} (an
 * {@link Error} in a handler stops the binding and dead-letters the event), health {@code consumers.<binding>} and the
 * gauge {@code passerelle.consumers.stopped}{binding}. Spring Cloud Stream's own {@code binders} health turns DOWN only
 * when a container dies, names no binding and offers no metric to alert on.
 */
@AutoConfiguration(afterName = {"org.springframework.cloud.stream.config.BindingServiceConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(KafkaMessageChannelBinder.class)
public class ConsumerHealthConfiguration {

    @Bean
    ConsumerHalts passerelleConsumerHalts(ObjectProvider<BindingsLifecycleController> lifecycle) {
        return new ConsumerHalts(lifecycle);
    }

    /** Wraps each event consumer bean {@code <name>} (binding {@code <name>-in-0}) in the guard, after any test-only fault. */
    @Bean
    static BeanPostProcessor passerelleHandlerErrorGuard(ObjectProvider<ConsumerHalts> halts) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventRouter router) {
                    return new HandlerErrorGuard(router, beanName + "-in-0", halts::getObject);
                }
                if (bean instanceof FaultInjectingConsumer faulty) {
                    return new HandlerErrorGuard(faulty, beanName + "-in-0", halts::getObject);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnBean(BindingService.class)
    ConsumerBindings passerelleConsumerBindings(BindingService bindings, BindingServiceProperties properties, ConsumerHalts halts) {
        return new ConsumerBindings(bindings, properties, halts);
    }

    @Bean(name = "consumersHealthContributor")
    @ConditionalOnBean(BindingService.class)
    ConsumersHealthContributor consumersHealthContributor(ConsumerBindings bindings) {
        return new ConsumersHealthContributor(bindings);
    }

    @Bean
    @ConditionalOnBean(BindingService.class)
    StoppedConsumersGauge stoppedConsumersGauge(ConsumerBindings bindings, MeterRegistry meters) {
        return new StoppedConsumersGauge(bindings, meters);
    }
}
