package dev.ossflux.spring.boot;

import dev.ossflux.core.OssClient;
import dev.ossflux.multipart.BatchOptions;
import dev.ossflux.multipart.BatchUploader;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link MultipartUploader} from {@code ossflux.multipart.*} and a {@link BatchUploader} from
 * {@code ossflux.batch.*} on the context's {@link OssClient}, each unless the application defines its own.
 */
@AutoConfiguration(after = OssClientAutoConfiguration.class)
@ConditionalOnClass(MultipartUploader.class)
@ConditionalOnBean(OssClient.class)
@EnableConfigurationProperties(OssfluxProperties.class)
public final class OssfluxUploadersAutoConfiguration {

    OssfluxUploadersAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    MultipartUploader multipartUploader(OssClient client, OssfluxProperties properties) {
        OssfluxProperties.Multipart multipart = properties.multipart();
        MultipartOptions.Builder options = MultipartOptions.builder();
        ClientProperties.ifSet(multipart.partSize(), size -> options.partSize(size.toBytes()));
        ClientProperties.ifSet(multipart.concurrency(), options::concurrency);
        ClientProperties.ifSet(multipart.threshold(), size -> options.multipartThreshold(size.toBytes()));
        ClientProperties.ifSet(multipart.checkpointDir(), options::checkpointDir);
        return MultipartUploader.create(client, options.build());
    }

    @Bean
    @ConditionalOnMissingBean
    BatchUploader batchUploader(MultipartUploader uploader, OssfluxProperties properties) {
        OssfluxProperties.Batch batch = properties.batch();
        BatchOptions.Builder options = BatchOptions.builder().followSymbolicLinks(batch.followSymbolicLinks());
        ClientProperties.ifSet(batch.concurrency(), options::concurrency);
        ClientProperties.ifSet(batch.checkpointDir(), options::checkpointDir);
        return BatchUploader.create(uploader, options.build());
    }
}
