package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PartPlanTest {

    private static final long PART = 200 * 1024;

    @ParameterizedTest
    @CsvSource({
        "0, 1, 0",
        "1, 1, 1",
        "204799, 1, 204799",
        "204800, 1, 204800",
        "204801, 2, 1",
        "614400, 3, 204800",
        "614399, 3, 204799",
        "614401, 4, 1",
    })
    void cutsExactMultiplesAndOneByteEitherSide(long size, int parts, long lastPart) {
        PartPlan plan = PartPlan.of(size, OptionalLong.of(PART));
        assertThat(plan.partCount()).isEqualTo(parts);
        assertThat(plan.size(parts)).isEqualTo(lastPart);
        long total = 0;
        for (int n = 1; n <= parts; n++) {
            assertThat(plan.offset(n)).isEqualTo(total);
            total += plan.size(n);
        }
        assertThat(total).isEqualTo(size);
    }

    @Test
    void plansTenThousandPartsAtTheLimit() {
        PartPlan plan = PartPlan.of(10_000 * PART, OptionalLong.of(PART));
        assertThat(plan.partCount()).isEqualTo(10_000);
        assertThat(plan.size(10_000)).isEqualTo(PART);
        assertThatThrownBy(() -> PartPlan.of(10_000 * PART + 1, OptionalLong.of(PART)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10001 parts")
                .hasMessageContaining("use a part size of at least 204801 bytes");
    }

    @Test
    void growsTheDefaultPartSizeToStayWithinTenThousandParts() {
        assertThat(PartPlan.of(100L << 20, OptionalLong.empty()).partSize()).isEqualTo(8L << 20);
        PartPlan huge = PartPlan.of(1L << 40, OptionalLong.empty());
        assertThat(huge.partCount()).isLessThanOrEqualTo(10_000);
        assertThat(huge.partSize() % (1 << 20)).isZero();
        assertThat((huge.partCount() - 1) * huge.partSize()).isLessThan(1L << 40);
    }

    @Test
    void refusesObjectsBeyondWhatOssCanHold() {
        assertThatThrownBy(() -> PartPlan.of(10_000L * (5L << 30) + 1, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed");
        assertThatThrownBy(() -> PartPlan.of(-1, OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
