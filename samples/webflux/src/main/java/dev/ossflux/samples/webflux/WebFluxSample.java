package dev.ossflux.samples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Lets browsers upload files straight to OSS, or uploads them to OSS as they arrive, and receives the upload
 * callbacks OSS sends back.
 *
 * <ul>
 *   <li>{@code POST /uploads}, multipart field {@code file}: streams the file to OSS (one PutObject
 *       for small files, a multipart upload for large ones) with a callback to {@code POST /oss/callback},
 *       and answers JSON with the key, ETag, CRC-64, size and the callback reply.</li>
 *   <li>{@code POST /uploads/policy}, JSON {@code {"name", "size", "type"}}: signs a form with which the
 *       browser uploads the file straight to OSS, with the same callback; the bytes never reach this server.</li>
 *   <li>{@code POST /oss/callback}: verifies the OSS signature and answers the JSON that OSS hands back
 *       to the uploader, or 401.</li>
 *   <li>{@code GET /}: a page to try it from a browser.</li>
 * </ul>
 *
 * <p>Configured by the {@code OSS_*} variables (see {@code application.properties}); unless {@code OSS_EMULATOR=false}
 * it runs on an embedded OSS emulator, which calls this server back on 127.0.0.1.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class WebFluxSample {

    public static void main(String[] args) {
        SpringApplication.run(WebFluxSample.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> routes(UploadHandler uploads, DirectUploadHandler directUploads,
            CallbackHandler callbacks) {
        return RouterFunctions.route()
                .POST(UploadHandler.PATH, uploads::upload)
                .POST(DirectUploadHandler.PATH, directUploads::policy)
                .POST(CallbackHandler.PATH, callbacks::receive)
                .build();
    }
}
