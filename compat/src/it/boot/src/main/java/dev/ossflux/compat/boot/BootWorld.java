package dev.ossflux.compat.boot;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import dev.ossflux.compat.Flow;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.multipart.MultipartUploader;
import java.util.Map;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A Spring Boot WebFlux application as its users write one: ossflux-spring-boot-starter provides the client, the
 * uploader and the callback verifier from {@code ossflux.*} properties, on the embedded emulator it starts; the
 * callback endpoint verifies OSS's signature and answers a map that Boot's own Jackson writes. Compiled against
 * each Boot version under test.
 */
@SpringBootApplication
public class BootWorld {

    public static void main(String[] args) throws Exception {
        Flow.runOn("Spring Boot " + SpringBootVersion.getVersion(), checkpoints -> {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(BootWorld.class)
                    .run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                            "--ossflux.emulator.enabled=true", "--ossflux.emulator.buckets=" + Flow.BUCKET,
                            "--ossflux.multipart.part-size=100KB", "--ossflux.multipart.threshold=100KB",
                            "--ossflux.multipart.concurrency=2", "--ossflux.multipart.checkpoint-dir=" + checkpoints);
            String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                    + "/oss/callback";
            MultipartUploader uploader = context.getBean(MultipartUploader.class);
            if (!uploader.options().equals(Flow.options(checkpoints))) {
                throw new AssertionError("the starter's uploader has " + uploader.options());
            }
            return new Flow.World() {
                @Override
                public OssClient client() {
                    return context.getBean(OssClient.class);
                }

                @Override
                public MultipartUploader uploader() {
                    return uploader;
                }

                @Override
                public String callbackUrl() {
                    return url;
                }

                @Override
                public void close() {
                    context.close();
                }
            };
        });
    }

    @Bean
    RouterFunction<ServerResponse> callback(CallbackVerifier verifier) {
        return RouterFunctions.route(POST("/oss/callback"), request -> request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> verifier.verify(CallbackRequest.builder(request.uri().getRawPath())
                        .query(request.uri().getRawQuery())
                        .authorization(request.headers().firstHeader(CallbackRequest.AUTHORIZATION))
                        .publicKeyUrl(request.headers().firstHeader(CallbackRequest.PUBLIC_KEY_URL))
                        .contentType(request.headers().firstHeader(HttpHeaders.CONTENT_TYPE))
                        .body(body).build()))
                .flatMap(verified -> ServerResponse.ok().bodyValue(Map.of("status", "OK",
                        "bucket", verified.variable("bucket").orElseThrow(),
                        "object", verified.variable("object").orElseThrow(),
                        "size", Long.parseLong(verified.variable("size").orElseThrow())))));
    }
}
