package dev.ossflux.testkit;

import dev.ossflux.core.testing.SourceRules;
import org.junit.jupiter.api.Test;

class NoBlockingCallsTest {

    @Test
    void emulatorCodeNeverBlocks() {
        SourceRules.assertNoBlockingCalls();
    }
}
