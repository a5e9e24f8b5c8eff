package dev.ossflux.core;

import dev.ossflux.core.testing.PublicApi;
import org.junit.jupiter.api.Test;

class PublicApiTest {

    @Test
    void publicApiMatchesTheCheckedInListing() {
        PublicApi.assertUnchanged(OssClient.class, "ossflux-core");
    }
}
