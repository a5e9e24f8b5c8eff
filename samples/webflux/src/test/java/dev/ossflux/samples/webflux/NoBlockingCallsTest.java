package dev.ossflux.samples.webflux;

import dev.ossflux.core.testing.SourceRules;
import org.junit.jupiter.api.Test;

class NoBlockingCallsTest {

    @Test
    void applicationCodeNeverBlocks() {
        SourceRules.assertNoBlockingCalls();
    }
}
