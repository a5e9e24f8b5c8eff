package dev.ossflux.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.multipart.BatchOptions;
import dev.ossflux.multipart.BatchUploader;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OssfluxUploadersAutoConfigurationTest {

    private final ApplicationContextRunner runner = Contexts.runner().withPropertyValues(
            "ossflux.endpoint=http://127.0.0.1:9");

    @Test
    void configuresTheMultipartUploaderFromProperties() {
        runner.withPropertyValues("ossflux.multipart.part-size=1MB", "ossflux.multipart.concurrency=7",
                "ossflux.multipart.threshold=2MB", "ossflux.multipart.checkpoint-dir=checkpoints",
                "ossflux.batch.concurrency=3").run(context -> {
                    assertThat(context).hasSingleBean(BatchUploader.class);
                    assertThat(context.getBean(MultipartUploader.class).options()).isEqualTo(new MultipartOptions(
                            OptionalLong.of(1024 * 1024), 7, 2 * 1024 * 1024, Optional.of(Path.of("checkpoints")),
                            MultipartOptions.defaults().restartChangedFiles()));
                });
    }

    @Test
    void backsOffForTheApplicationsUploaders() {
        try (OssClient client = OssClient.builder().endpoint("http://127.0.0.1:9").build()) {
            MultipartUploader mine = MultipartUploader.create(client);
            BatchUploader myBatch = BatchUploader.create(mine, BatchOptions.defaults());
            runner.withBean(MultipartUploader.class, () -> mine).withBean(BatchUploader.class, () -> myBatch)
                    .run(context -> {
                        assertThat(context.getBean(MultipartUploader.class)).isSameAs(mine);
                        assertThat(context.getBean(BatchUploader.class)).isSameAs(myBatch);
                    });
        }
    }

    @Test
    void needsAClient() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OssfluxUploadersAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MultipartUploader.class)
                        .doesNotHaveBean(BatchUploader.class));
    }
}
