package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PostForm;
import dev.ossflux.core.PostPolicy;
import dev.ossflux.core.PresignRequest;
import dev.ossflux.core.PresignedRequest;
import dev.ossflux.core.SignatureVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CORS as a page on another origin sees it: preflights answered or refused, and the headers on the answers. */
class CorsIT {

    private static final String BUCKET = "cors-bucket";
    private static final String PAGE = "http://app.example.test:8080";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static OssEmulator oss;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).corsOrigin(PAGE).start();
    }

    @AfterAll
    static void stop() {
        oss.close();
    }

    private static HttpResponse<String> preflight(OssEmulator emulator, String origin, String method)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/" + BUCKET + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type,x-oss-meta-owner")
                .header("Access-Control-Request-Private-Network", "true").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAPreflightFromAnAllowedOrigin() throws Exception {
        HttpResponse<String> response = preflight(oss, PAGE, "POST");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
                .contains("POST", "PUT", "GET");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("content-type,x-oss-meta-owner");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("ETag", "x-oss-request-id");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).contains("600");
        assertThat(response.headers().firstValue("Access-Control-Allow-Private-Network")).contains("true");
    }

    @Test
    void refusesPreflightsFromOtherOriginsForOtherMethodsAndWhenCorsIsOff() throws Exception {
        HttpResponse<String> otherOrigin = preflight(oss, "http://evil.example.test", "POST");
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(otherOrigin.body()).contains("<Code>AccessDenied</Code>", "CORSResponse");
        assertThat(otherOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        assertThat(preflight(oss, PAGE, "PATCH").statusCode()).isEqualTo(403);

        try (OssEmulator off = OssEmulator.builder().bucket(BUCKET).start()) {
            HttpResponse<String> disabled = preflight(off, PAGE, "POST");
            assertThat(disabled.statusCode()).isEqualTo(403);
            assertThat(disabled.body()).contains("CORS is not enabled");
        }
    }

    @Test
    void putsTheCorsHeadersOnFormUploadsAndPresignedPutsAndGetsFromTheAllowedOriginOnly() throws Exception {
        try (OssClient client = oss.clientBuilder().signatureVersion(SignatureVersion.V4).build()) {
            PostForm form = client.signPostPolicy(PostPolicy.builder(BUCKET).key("form.txt")
                    .expiresIn(Duration.ofMinutes(5)).build()).block();
            byte[] body = Forms.body(form.fields(), "form.txt", "from a page".getBytes(StandardCharsets.UTF_8));
            Forms.Response posted = Forms.send(form.url(), HttpRequest.BodyPublishers.ofByteArray(body),
                    Map.of("Origin", PAGE));
            assertThat(posted.status()).as(posted.body()).isEqualTo(204);
            assertThat(posted.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
            assertThat(posted.header("Access-Control-Expose-Headers")).contains("ETag");

            PresignedRequest put = client.presign(PresignRequest.put(BUCKET, "put.txt")
                    .expiresIn(Duration.ofMinutes(5)).build()).block();
            HttpResponse<String> putResponse = HTTP.send(HttpRequest.newBuilder(URI.create(put.url()))
                    .PUT(HttpRequest.BodyPublishers.ofString("put from a page")).header("Origin", PAGE).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(putResponse.statusCode()).as(putResponse.body()).isEqualTo(200);
            assertThat(putResponse.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);

            PresignedRequest get = client.presign(PresignRequest.get(BUCKET, "put.txt")
                    .expiresIn(Duration.ofMinutes(5)).build()).block();
            HttpResponse<String> fromPage = HTTP.send(HttpRequest.newBuilder(URI.create(get.url()))
                    .header("Origin", PAGE).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fromPage.body()).isEqualTo("put from a page");
            assertThat(fromPage.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
            HttpResponse<String> fromElsewhere = HTTP.send(HttpRequest.newBuilder(URI.create(get.url()))
                    .header("Origin", "http://evil.example.test").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fromElsewhere.statusCode()).isEqualTo(200);
            assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aWildcardRuleAllowsAnyOrigin() throws Exception {
        try (OssEmulator any = OssEmulator.builder().bucket(BUCKET).corsOrigin("*").start()) {
            HttpResponse<String> response = preflight(any, "http://anything.example.test", "PUT");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("http://anything.example.test");
        }
    }
}
