package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.multipart.MultipartOptions;
import java.util.OptionalLong;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class PartPlanProperties {

    @Property(tries = 1000)
    void automaticPlansCoverTheObjectWithinOssLimits(@ForAll @LongRange(min = 0, max = 48L << 40) long size) {
        PartPlan plan = PartPlan.of(size, OptionalLong.empty());
        assertValid(plan);
    }

    @Property(tries = 1000)
    void requestedPlansAreValidOrRefused(@ForAll @LongRange(min = 0, max = 1L << 42) long size,
            @ForAll @LongRange(min = MultipartOptions.MIN_PART_SIZE, max = MultipartOptions.MAX_PART_SIZE) long part) {
        long parts = Math.max(1, (size + part - 1) / part);
        Assume.that(parts <= MultipartOptions.MAX_PARTS);
        PartPlan plan = PartPlan.of(size, OptionalLong.of(part));
        assertThat(plan.partSize()).isEqualTo(part);
        assertValid(plan);
    }

    @Property(tries = 300)
    void growingStreamPartsNeverShrinkAndStayWithinLimits(@ForAll @LongRange(min = MultipartOptions.MIN_PART_SIZE,
            max = MultipartOptions.MAX_PART_SIZE) long start, @ForAll @LongRange(min = 1, max = 9_999) long part) {
        GrowingPartSizes sizes = new GrowingPartSizes(start);
        long size = sizes.size((int) part);
        assertThat(size).isBetween(start, MultipartOptions.MAX_PART_SIZE);
        assertThat(sizes.size((int) part + 1)).isGreaterThanOrEqualTo(size);
    }

    private static void assertValid(PartPlan plan) {
        assertThat(plan.partCount()).isBetween(1, MultipartOptions.MAX_PARTS);
        assertThat(plan.partSize()).isBetween(MultipartOptions.MIN_PART_SIZE, MultipartOptions.MAX_PART_SIZE);
        long last = plan.size(plan.partCount());
        assertThat(last).isBetween(plan.objectSize() == 0 ? 0L : 1L, plan.partSize());
        assertThat(plan.offset(plan.partCount()) + last).isEqualTo(plan.objectSize());
    }
}
