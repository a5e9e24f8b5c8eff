package dev.ossflux.multipart;

import dev.ossflux.core.testing.PublicApi;
import org.junit.jupiter.api.Test;

class PublicApiTest {

    @Test
    void publicApiMatchesTheCheckedInListing() {
        PublicApi.assertUnchanged(MultipartUploader.class, "ossflux-multipart");
    }
}
