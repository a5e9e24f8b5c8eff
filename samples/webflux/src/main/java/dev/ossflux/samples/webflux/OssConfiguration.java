package dev.ossflux.samples.webflux;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.callback.CallbackBinding;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import dev.ossflux.testkit.OssEmulator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OSS side of the application: the client, the uploader, the callback binding and verifier and the
 * callback URL, pointed at real OSS when {@code ossflux.endpoint} is set and at an embedded emulator otherwise.
 */
@Configuration(proxyBeanMethods = false)
class OssConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OssConfiguration.class);

    /**
     * Stands in for OSS when no endpoint is configured, letting this server's page upload to it straight from the
     * browser ({@link EmulatorOrigins}); stopped when the application stops.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${ossflux.endpoint:}'.isBlank()")
    OssEmulator ossEmulator(OssProperties oss, @Value("${server.port:8080}") int serverPort) {
        List<String> origins = EmulatorOrigins.of(oss.emulatorCorsOrigins(), serverPort);
        OssEmulator emulator = OssEmulator.builder().bucket(oss.bucket()).region(oss.region())
                .corsOrigin(origins.toArray(String[]::new))
                .start();
        log.info("No OSS_ENDPOINT: started an embedded OSS emulator at {} with bucket {}, open to pages from {}",
                emulator.endpoint(), oss.bucket(), origins);
        return emulator;
    }

    @Bean(destroyMethod = "close")
    OssClient ossClient(OssProperties oss, ObjectProvider<OssEmulator> emulator) {
        OssEmulator local = emulator.getIfAvailable();
        if (local != null) {
            return local.clientBuilder().build();
        }
        return OssClient.builder().endpoint(oss.endpoint()).region(oss.region())
                .credentials(CredentialsProvider.of(credentials(oss)))
                .build();
    }

    @Bean
    MultipartUploader multipartUploader(OssClient client, OssProperties oss) {
        return MultipartUploader.create(client, MultipartOptions.builder()
                .partSize(oss.partSize().toBytes())
                .concurrency(oss.concurrency())
                .build());
    }

    /**
     * Binds every upload's callback to this application, with {@code ossflux.callback-secret}; with the emulator
     * and no secret, with a random one (callbacks of uploads bound before a restart are then refused).
     */
    @Bean
    CallbackBinding callbackBinding(OssProperties oss) {
        if (!oss.callbackSecret().isBlank()) {
            return CallbackBinding.of(oss.callbackSecret());
        }
        if (!oss.useEmulator()) {
            throw new IllegalStateException("OSS_CALLBACK_SECRET must be set (at least 32 bytes, the same on every"
                    + " instance): callbacks are bound to this application with it");
        }
        return CallbackBinding.random();
    }

    /**
     * Accepts only callbacks bound by this application; trusts the OSS key URL, or the emulator's own key URL
     * when uploading to the emulator.
     */
    @Bean
    CallbackVerifier callbackVerifier(ObjectProvider<OssEmulator> emulator, CallbackBinding binding) {
        CallbackVerifier.Builder verifier = CallbackVerifier.builder().binding(binding);
        Optional.ofNullable(emulator.getIfAvailable())
                .ifPresent(local -> verifier.trustedKeyUrlPrefixes(List.of(local.endpoint() + "/")));
        return verifier.build();
    }

    @Bean
    OssCallbacks ossCallbacks(CallbackVerifier verifier) {
        return new OssCallbacks(verifier);
    }

    @Bean
    CallbackUrl callbackUrl(OssProperties oss) {
        if (!oss.useEmulator() && oss.callbackUrl().isBlank()) {
            throw new IllegalStateException("OSS_CALLBACK_URL must name this server's /oss/callback at an address"
                    + " OSS can reach (e.g. https://app.example.com/oss/callback)");
        }
        return new CallbackUrl(oss.callbackUrl());
    }

    @Bean
    UploadCallbacks uploadCallbacks(CallbackUrl callbackUrl, CallbackBinding binding) {
        return new UploadCallbacks(callbackUrl, binding);
    }

    @Bean
    UploadHandler uploadHandler(MultipartUploader uploader, OssProperties oss, UploadCallbacks callbacks) {
        return new UploadHandler(uploader, oss.bucket(), callbacks, oss.maxUploadSize().toBytes(),
                new ContentTypes(oss.allowedContentTypes()));
    }

    @Bean
    DirectUploadHandler directUploadHandler(OssClient client, OssProperties oss, UploadCallbacks callbacks) {
        return new DirectUploadHandler(client, oss.bucket(), callbacks, oss.maxDirectUploadSize().toBytes(),
                oss.directUploadExpiry(), new ContentTypes(oss.allowedContentTypes()));
    }

    @Bean
    CallbackHandler callbackHandler(OssCallbacks callbacks) {
        return new CallbackHandler(callbacks);
    }

    private static Credentials credentials(OssProperties oss) {
        if (oss.accessKeyId().isBlank() || oss.accessKeySecret().isBlank()) {
            throw new IllegalStateException("OSS_ENDPOINT is set, so OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET"
                    + " must be set too");
        }
        return oss.sessionToken().isBlank()
                ? Credentials.of(oss.accessKeyId(), oss.accessKeySecret())
                : new Credentials(oss.accessKeyId(), oss.accessKeySecret(), Optional.of(oss.sessionToken()),
                        Optional.empty());
    }
}
