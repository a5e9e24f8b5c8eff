package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.MatchMode;
import com.aliyun.oss.model.PolicyConditions;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PostForm;
import dev.ossflux.core.PostPolicy;
import dev.ossflux.core.PresignRequest;
import dev.ossflux.core.PresignedRequest;
import dev.ossflux.core.SignatureVersion;
import dev.ossflux.core.callback.Callback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Direct uploads as front ends make them, over plain {@code java.net.http}: forms from the official Java SDK's
 * {@code generatePostPolicy}/{@code calculatePostSignature}, the SDK's presigned URLs (V1, V4), and ossflux's own
 * forms and presigned URLs with callbacks, verified by an independent receiver.
 */
class DirectUploadInteropIT {

    private static final String BUCKET = "direct-bucket";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static OssEmulator oss;
    private static CallbackReceiver receiver;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).callbackTimeout(Duration.ofSeconds(2)).start();
        receiver = new CallbackReceiver(oss.endpoint() + "/");
    }

    @AfterAll
    static void stop() {
        receiver.close();
        oss.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void storesAFormSignedWithTheOfficialSdksPostPolicy() {
        OSS sdk = Sdk.client(oss, SignVersion.V1);
        try {
            PolicyConditions conditions = new PolicyConditions();
            conditions.addConditionItem(PolicyConditions.COND_CONTENT_LENGTH_RANGE, 0, 1024);
            conditions.addConditionItem(MatchMode.StartWith, PolicyConditions.COND_KEY, "sdk/");
            String policy = sdk.generatePostPolicy(new Date(System.currentTimeMillis() + 600_000), conditions);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("key", "sdk/${filename}");
            form.put("OSSAccessKeyId", OssEmulator.DEFAULT_ACCESS_KEY_ID);
            form.put("policy", Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8)));
            form.put("Signature", sdk.calculatePostSignature(policy));
            form.put("success_action_status", "201");

            Forms.Response response = Forms.post(oss.endpoint() + "/" + BUCKET, form, "from-sdk.txt",
                    "sdk form".getBytes(StandardCharsets.UTF_8));

            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.body()).contains("<Key>sdk/from-sdk.txt</Key>");
            assertThat(oss.object(BUCKET, "sdk/from-sdk.txt").orElseThrow().utf8()).isEqualTo("sdk form");
            form.put("key", "elsewhere/x.txt");
            assertThat(Forms.post(oss.endpoint() + "/" + BUCKET, form, "x.txt", new byte[1]).status()).isEqualTo(403);
        } finally {
            sdk.shutdown();
        }
    }

    @Test
    void acceptsTheOfficialSdksPresignedPutAndGetUrlsV1AndV4WithACallbackInTheQuery() throws Exception {
        for (SignVersion version : new SignVersion[] {SignVersion.V1, SignVersion.V4}) {
            OSS sdk = Sdk.client(oss, version);
            try {
                String key = "presigned/" + version + " file.txt";
                Date expiration = new Date(System.currentTimeMillis() + 600_000);
                GeneratePresignedUrlRequest put = new GeneratePresignedUrlRequest(BUCKET, key, HttpMethod.PUT);
                put.setExpiration(expiration);
                put.setContentType("text/plain");
                URI putUrl = sdk.generatePresignedUrl(put).toURI();
                HttpResponse<String> stored = send(HttpRequest.newBuilder(putUrl).header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("presigned by the SDK " + version)));
                assertThat(stored.statusCode()).as(version + ": " + stored.body()).isEqualTo(200);

                URI getUrl = sdk.generatePresignedUrl(BUCKET, key, expiration, HttpMethod.GET).toURI();
                HttpResponse<String> read = send(HttpRequest.newBuilder(getUrl).GET());
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.body()).isEqualTo("presigned by the SDK " + version);

                GeneratePresignedUrlRequest withCallback = new GeneratePresignedUrlRequest(BUCKET, key + ".cb",
                        HttpMethod.PUT);
                withCallback.setExpiration(expiration);
                String callbackJson = "{\"callbackUrl\":\"" + receiver.url("/sdk") + "\",\"callbackBody\":"
                        + "\"object=${object}&who=${x:who}\"}";
                withCallback.addQueryParameter("callback", Base64.getEncoder().encodeToString(
                        callbackJson.getBytes(StandardCharsets.UTF_8)));
                withCallback.addQueryParameter("callback-var", Base64.getEncoder().encodeToString(
                        "{\"x:who\":\"sdk\"}".getBytes(StandardCharsets.UTF_8)));
                HttpResponse<String> calledBack = send(HttpRequest.newBuilder(sdk.generatePresignedUrl(withCallback)
                        .toURI()).PUT(HttpRequest.BodyPublishers.ofString("with a callback")));
                assertThat(calledBack.statusCode()).as(version + ": " + calledBack.body()).isEqualTo(200);
                CallbackReceiver.Call call = receiver.take();
                assertThat(call.signatureValid()).isTrue();
                assertThat(call.body()).isEqualTo("object=" + java.net.URLEncoder.encode(key + ".cb",
                        StandardCharsets.UTF_8).replace("+", "%20") + "&who=sdk");

                HttpResponse<String> wrongType = send(HttpRequest.newBuilder(putUrl)
                        .header("Content-Type", "text/html").PUT(HttpRequest.BodyPublishers.ofString("x")));
                assertThat(wrongType.statusCode()).isEqualTo(403);
                assertThat(wrongType.body()).contains("SignatureDoesNotMatch");
            } finally {
                sdk.shutdown();
            }
        }
    }

    @Test
    void callsBackForOssfluxFormsWithTheirVariables() throws Exception {
        Callback callback = Callback.builder(receiver.url("/oss/callback?from=form"),
                "{\"object\":${object},\"size\":${size},\"order\":${x:order}}")
                .bodyType(Callback.BodyType.JSON).variable("x:order", "A-7").build();
        try (OssClient client = oss.clientBuilder().signatureVersion(SignatureVersion.V1).build()) {
            PostForm form = client.signPostPolicy(PostPolicy.builder(BUCKET).keyPrefix("forms/")
                    .expiresIn(Duration.ofMinutes(5)).contentLengthRange(1, 100).callback(callback).build()).block();

            Forms.Response response = Forms.post(form.url(), form.fields(), "order.json", new byte[42]);

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"Status\":\"OK\"}");
        }
        CallbackReceiver.Call call = receiver.take();
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.uri()).isEqualTo("/oss/callback?from=form");
        assertThat(call.body()).isEqualTo("{\"object\":\"forms/order.json\",\"size\":42,\"order\":\"A-7\"}");
    }

    @Test
    void callsBackForOssfluxPresignedPutsCarryingTheCallbackInTheQuery() throws Exception {
        for (SignatureVersion version : SignatureVersion.values()) {
            String key = "presigned-cb/" + version + ".txt";
            Callback callback = Callback.builder(receiver.url("/oss/callback"), "object=${object}&v=${x:v}")
                    .variable("x:v", version.name()).build();
            try (OssClient client = oss.clientBuilder().signatureVersion(version).build()) {
                PresignedRequest put = client.presign(PresignRequest.put(BUCKET, key).expiresIn(Duration.ofMinutes(5))
                        .contentType("text/plain").callback(callback).build()).block();
                assertThat(put.url()).contains("callback=", "callback-var=");
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(put.url()))
                        .PUT(HttpRequest.BodyPublishers.ofString("called back"));
                put.headers().forEach(request::header);

                HttpResponse<String> response = send(request);

                assertThat(response.statusCode()).as(version + ": " + response.body()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"Status\":\"OK\"}");
                CallbackReceiver.Call call = receiver.take();
                assertThat(call.signatureValid()).isTrue();
                assertThat(call.body()).isEqualTo("object=" + key.replace("/", "%2F") + "&v=" + version.name());

                String tampered = put.url().replace("callback-var=", "callback-var=e30");
                HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(tampered))
                        .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("x")));
                assertThat(refused.statusCode()).as("a callback-var the signature does not cover").isEqualTo(403);
            }
        }
    }
}
