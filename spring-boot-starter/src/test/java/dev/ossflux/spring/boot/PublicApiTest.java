package dev.ossflux.spring.boot;

import dev.ossflux.core.testing.PublicApi;
import org.junit.jupiter.api.Test;

class PublicApiTest {

    @Test
    void publicApiMatchesTheCheckedInListing() {
        PublicApi.assertUnchanged(OssfluxProperties.class, "ossflux-spring-boot-starter");
    }
}
