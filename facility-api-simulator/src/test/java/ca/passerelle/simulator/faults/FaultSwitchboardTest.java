package ca.passerelle.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.passerelle.simulator.SimulatorProperties;

class FaultSwitchboardTest {

    private final FaultSwitchboard switchboard = new FaultSwitchboard(new SimulatorProperties(42, 180));

    @Test
    void startsWithNoFault() {
        assertThat(switchboard.current()).isEqualTo(FaultSettings.NONE);
        assertThat(switchboard.drawsError(switchboard.current())).isFalse();
    }

    @Test
    void failsEveryCallAtRateOneAndNoneAtRateZero() {
        FaultSettings always = new FaultSettings(0, 1.0, false, false, 0);
        FaultSettings never = new FaultSettings(0, 0.0, false, false, 0);

        assertThat(draws(always, 50)).containsOnly(true);
        assertThat(draws(never, 50)).containsOnly(false);
    }

    @Test
    void replaysTheSameFailuresAfterAReset() {
        FaultSettings half = switchboard.change(new FaultSettings(0, 0.5, false, false, 0));
        List<Boolean> first = draws(half, 40);
        switchboard.reset();

        assertThat(draws(half, 40)).isEqualTo(first).contains(true, false);
        assertThat(switchboard.current()).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void refusesImpossibleSettings() {
        assertThatThrownBy(() -> new FaultSettings(0, 1.5, false, false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultSettings(-1, 0, false, false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultSettings(0, Double.NaN, false, false, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultSettings(0, 0, false, false, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Boolean> draws(FaultSettings settings, int count) {
        List<Boolean> draws = new ArrayList<>();
        for (int draw = 0; draw < count; draw++) {
            draws.add(switchboard.drawsError(settings));
        }
        return draws;
    }

}
