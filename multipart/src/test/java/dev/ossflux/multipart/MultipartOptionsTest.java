package dev.ossflux.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MultipartOptionsTest {

    @Test
    void rejectsPartSizesOutsideOssLimits() {
        assertThatThrownBy(() -> MultipartOptions.builder().partSize(100 * 1024 - 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partSize");
        assertThatThrownBy(() -> MultipartOptions.builder().partSize((5L << 30) + 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partSize");
        assertThatThrownBy(() -> MultipartOptions.builder().concurrency(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> MultipartOptions.builder().multipartThreshold(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multipartThreshold");
    }

    @Test
    void keepsEveryOptionThroughToBuilder() {
        MultipartOptions options = MultipartOptions.builder().partSize(1 << 20).concurrency(3).multipartThreshold(0)
                .checkpointDir(Path.of("cp")).restartChangedFiles(true).build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(MultipartOptions.defaults().partSize()).isEmpty();
    }
}
