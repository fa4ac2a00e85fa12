package io.sangdam.engine.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkageTest {

    @Test
    void headcountIsAgentsOverAvailability() {
        Shrinkage shrinkage = new Shrinkage(List.of(
                new ShrinkageCategory("breaks", 0.10),
                new ShrinkageCategory("training", 0.05),
                new ShrinkageCategory("absence", 0.08),
                new ShrinkageCategory("recovery breaks", 0.02)));
        assertThat(shrinkage.total()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(shrinkage.headcount(30)).isEqualTo(40);
        assertThat(shrinkage.headcount(31)).isEqualTo(42); // 41.33 → 42
    }

    @Test
    void aQuotientThatIsAnIntegerIsNotRoundedUpByFloatingPointNoise() {
        // 21 / (1 − 0.3) = 30.000000000000004 in doubles.
        assertThat(21 / (1 - 0.3)).isGreaterThan(30);
        assertThat(Shrinkage.total(0.3).headcount(21)).isEqualTo(30);
    }

    @Test
    void noShrinkageKeepsTheAgents() {
        assertThat(Shrinkage.none().headcount(17)).isEqualTo(17);
    }

    @Test
    void shrinkageOfAHundredPercentIsRefused() {
        assertThatThrownBy(() -> new Shrinkage(
                        List.of(new ShrinkageCategory("breaks", 0.6), new ShrinkageCategory("absence", 0.4))))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("categories"));
        assertThatThrownBy(() -> Shrinkage.total(1.0))
                .isInstanceOfSatisfying(
                        InvalidQueueingInputException.class,
                        e -> assertThat(e.field()).isEqualTo("fraction"));
        assertThatThrownBy(() -> new ShrinkageCategory("breaks", -0.1))
                .isInstanceOf(InvalidQueueingInputException.class);
    }
}
