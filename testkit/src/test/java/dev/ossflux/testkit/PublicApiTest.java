package dev.ossflux.testkit;

import dev.ossflux.core.testing.PublicApi;
import org.junit.jupiter.api.Test;

class PublicApiTest {

    @Test
    void publicApiMatchesTheCheckedInListing() {
        PublicApi.assertUnchanged(OssEmulator.class, "ossflux-testkit");
    }
}
