package ca.passerelle.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.EventCodec;
import ca.passerelle.events.GoldenSamples;
import ca.passerelle.platform.messaging.EventRouter;

class FaultInjectingConsumerTest {

    private final List<String> handled = new ArrayList<>();
    private final Consumer<Message<byte[]>> router = EventRouter.builder()
            .on(EventCatalog.CASE_OPENED, (event, opened) -> handled.add("opened"))
            .on(EventCatalog.CASE_CLOSED, (event, closed) -> handled.add("closed"))
            .build();

    private static Message<byte[]> message(byte[] value) {
        return MessageBuilder.withPayload(value).build();
    }

    private static Message<byte[]> sample(ca.passerelle.events.EventType<?> type) {
        return message(EventCodec.write(GoldenSamples.envelope(type)));
    }

    @Test
    void offByDefault() {
        FaultInjectionProperties none = new FaultInjectionProperties(null, null);
        assertThat(none.anyEnabled()).isFalse();
        assertThat(new FaultInjectionProperties(" ", Duration.ZERO).anyEnabled()).isFalse();
        assertThat(new FaultInjectionProperties(null, Duration.ofMillis(-5)).anyEnabled()).isFalse();
    }

    @Test
    void throwsAnErrorForTheNamedTypeOnlyAndPassesEverythingElseOn() {
        FaultInjectingConsumer faulty = new FaultInjectingConsumer(router,
                new FaultInjectionProperties(EventCatalog.CASE_CLOSED.name(), null));

        faulty.accept(sample(EventCatalog.CASE_OPENED));
        assertThatThrownBy(() -> faulty.accept(sample(EventCatalog.CASE_CLOSED))).isInstanceOf(InjectedFaultError.class)
                .isInstanceOf(Error.class).hasMessageContaining(EventCatalog.CASE_CLOSED.name());
        // A record that is no event is the router's business (it throws InvalidEventException, dead-lettered), not the fault's.
        assertThatThrownBy(() -> faulty.accept(message("not json".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ca.passerelle.events.InvalidEventException.class);
        assertThat(handled).containsExactly("opened");
    }

    @Test
    void delaysEveryEvent() {
        FaultInjectingConsumer slow = new FaultInjectingConsumer(router, new FaultInjectionProperties(null, Duration.ofMillis(150)));
        long started = System.nanoTime();
        slow.accept(sample(EventCatalog.CASE_OPENED));
        slow.accept(sample(EventCatalog.CASE_OPENED));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(handled).containsExactly("opened", "opened");
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumers {

        @Bean
        Consumer<Message<byte[]>> intakeEvents() {
            return EventRouter.builder().on(EventCatalog.CASE_OPENED, (event, opened) -> { }).build();
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FaultInjectionConfiguration.class)).withUserConfiguration(Consumers.class);

    @Test
    void withoutAnyFaultPropertyTheConsumersAreLeftAlone() {
        context.run(app -> assertThat(app.getBean("intakeEvents")).isInstanceOf(EventRouter.class));
    }

    @Test
    void aFaultPropertyWrapsEveryEventRouter() {
        context.withPropertyValues("passerelle.faults.handler-delay=20ms")
                .run(app -> assertThat(app.getBean("intakeEvents")).isInstanceOf(FaultInjectingConsumer.class));
        context.withPropertyValues("passerelle.faults.error-on-event-type=" + EventCatalog.CASE_OPENED.name())
                .run(app -> assertThat(app.getBean("intakeEvents")).isInstanceOf(FaultInjectingConsumer.class));
    }
}
