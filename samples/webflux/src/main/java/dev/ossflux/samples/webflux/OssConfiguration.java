package dev.ossflux.samples.webflux;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.callback.CallbackBinding;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.multipart.MultipartUploader;
import dev.ossflux.spring.boot.OssfluxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's side of OSS. The client, the uploader, the callback verifier and, with
 * {@code ossflux.emulator.enabled}, the embedded emulator come from the ossflux Spring Boot starter; this class
 * adds the callback binding, the callback URL and the handlers.
 */
@Configuration(proxyBeanMethods = false)
class OssConfiguration {

    /**
     * Binds every upload's callback to this application with {@code ossflux.callback.binding-secret}; on the
     * emulator without one, with a random secret (callbacks of uploads bound before a restart are then refused).
     * The starter's verifier requires this binding.
     */
    @Bean
    CallbackBinding callbackBinding(OssfluxProperties ossflux) {
        String secret = ossflux.callback().bindingSecret();
        if (secret != null && !secret.isBlank()) {
            return CallbackBinding.of(secret);
        }
        if (!ossflux.emulator().enabled()) {
            throw new IllegalStateException("OSS_CALLBACK_SECRET must be set (at least 32 bytes, the same on every"
                    + " instance): callbacks are bound to this application with it");
        }
        return CallbackBinding.random();
    }

    @Bean
    OssCallbacks ossCallbacks(CallbackVerifier verifier) {
        return new OssCallbacks(verifier);
    }

    @Bean
    CallbackUrl callbackUrl(SampleProperties sample, OssfluxProperties ossflux) {
        if (!ossflux.emulator().enabled() && sample.callbackUrl().isBlank()) {
            throw new IllegalStateException("OSS_CALLBACK_URL must name this server's /oss/callback at an address"
                    + " OSS can reach (e.g. https://app.example.com/oss/callback)");
        }
        return new CallbackUrl(sample.callbackUrl());
    }

    @Bean
    UploadCallbacks uploadCallbacks(CallbackUrl callbackUrl, CallbackBinding binding) {
        return new UploadCallbacks(callbackUrl, binding);
    }

    @Bean
    UploadHandler uploadHandler(MultipartUploader uploader, SampleProperties sample, UploadCallbacks callbacks) {
        return new UploadHandler(uploader, sample.bucket(), callbacks, sample.maxUploadSize().toBytes(),
                new ContentTypes(sample.allowedContentTypes()));
    }

    @Bean
    DirectUploadHandler directUploadHandler(OssClient client, SampleProperties sample, UploadCallbacks callbacks) {
        return new DirectUploadHandler(client, sample.bucket(), callbacks, sample.maxDirectUploadSize().toBytes(),
                sample.directUploadExpiry(), new ContentTypes(sample.allowedContentTypes()));
    }

    @Bean
    CallbackHandler callbackHandler(OssCallbacks callbacks) {
        return new CallbackHandler(callbacks);
    }
}
