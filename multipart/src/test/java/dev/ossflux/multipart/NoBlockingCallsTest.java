package dev.ossflux.multipart;

import dev.ossflux.core.testing.SourceRules;
import org.junit.jupiter.api.Test;

class NoBlockingCallsTest {

    @Test
    void libraryCodeNeverBlocks() {
        SourceRules.assertNoBlockingCalls();
    }
}
