package dev.ossflux.compat.boot;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import dev.ossflux.compat.Flow;
import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerifier;
import java.util.Map;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A Spring Boot WebFlux application as its users write one: the callback endpoint verifies OSS's signature
 * and answers a map that Boot's own Jackson writes. Compiled against each Boot version under test.
 */
@SpringBootApplication
public class BootWorld {

    public static void main(String[] args) throws Exception {
        Flow.run("Spring Boot " + SpringBootVersion.getVersion(), verifier -> {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(BootWorld.class)
                    .initializers(created -> ((GenericApplicationContext) created)
                            .registerBean(CallbackVerifier.class, () -> verifier))
                    .run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off");
            String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                    + "/oss/callback";
            return new Flow.Endpoint() {
                @Override
                public String url() {
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
