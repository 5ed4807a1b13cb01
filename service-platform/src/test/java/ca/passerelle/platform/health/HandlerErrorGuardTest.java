package ca.passerelle.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class HandlerErrorGuardTest {

    private final ConsumerHalts halts = new ConsumerHalts(new StaticListableBeanFactory().getBeanProvider(
            org.springframework.cloud.stream.binding.BindingsLifecycleController.class));

    private static Message<byte[]> message() {
        return MessageBuilder.withPayload(new byte[0]).build();
    }

    @Test
    void anErrorHaltsTheBindingAndBecomesAnExceptionNamingOnlyTheBindingAndTheErrorClass() {
        Consumer<Message<byte[]>> failing = message -> {
            throw new StackOverflowError("Bouchard RAMQ BOUM09876543");
        };
        HandlerErrorGuard guard = new HandlerErrorGuard(failing, "intakeEvents-in-0", () -> halts);

        assertThatThrownBy(() -> guard.accept(message())).isInstanceOf(HandlerErrorException.class)
                .hasCauseInstanceOf(StackOverflowError.class)
                .hasMessageContaining("intakeEvents-in-0").hasMessageContaining("java.lang.StackOverflowError")
                .hasMessageNotContaining("Bouchard");
        assertThat(halts.haltedBy("intakeEvents-in-0")).contains("java.lang.StackOverflowError");
        assertThat(halts.haltedBy("otherEvents-in-0")).isEmpty();

        halts.started("intakeEvents-in-0");
        assertThat(halts.haltedBy("intakeEvents-in-0")).isEmpty();
    }

    @Test
    void exceptionsPassThroughUntouchedAndHaltNothing() {
        IllegalStateException failure = new IllegalStateException("database away");
        HandlerErrorGuard guard = new HandlerErrorGuard(message -> {
            throw failure;
        }, "intakeEvents-in-0", () -> halts);

        assertThatThrownBy(() -> guard.accept(message())).isSameAs(failure);
        assertThat(halts.haltedBy("intakeEvents-in-0")).isEmpty();
    }
}
