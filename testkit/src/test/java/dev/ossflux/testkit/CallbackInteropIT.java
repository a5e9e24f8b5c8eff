package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;
import dev.ossflux.core.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbackInteropIT {

    private static final String BUCKET = "examplebucket";
    private OssEmulator oss;
    private CallbackReceiver receiver;
    private OSS sdk;

    @BeforeEach
    void start() {
        oss = OssEmulator.builder().bucket(BUCKET).callbackTimeout(java.time.Duration.ofSeconds(2)).start();
        receiver = new CallbackReceiver(oss.endpoint() + "/");
        sdk = Sdk.client(oss, SignVersion.V4);
    }

    @AfterEach
    void stop() {
        sdk.shutdown();
        receiver.close();
        oss.close();
    }

    private PutObjectResult put(String key, String body, Callback callback) {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentType("text/plain");
        PutObjectRequest request = new PutObjectRequest(BUCKET, key,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), metadata);
        request.setCallback(callback);
        return sdk.putObject(request);
    }

    @Test
    void sendsASignedFormCallbackWithSystemAndCustomVariables() throws Exception {
        Callback callback = new Callback();
        callback.setCallbackUrl(receiver.url("/oss/cb?src=oss"));
        callback.setCallbackHost("callback.example.com");
        callback.setCallbackBody("bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}"
                + "&crc64=${crc64}&uid=${x:uid}&op=${operation}");
        callback.setCalbackBodyType(Callback.CalbackBodyType.URL);
        callback.addCallbackVar("x:uid", "42");

        PutObjectResult result = put("exampledir/exampleobject.txt", "0123456789", callback);

        assertThat(new String(result.getCallbackResponseBody().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"Status\":\"OK\"}");
        assertThat(result.getETag()).isEqualTo("781E5E245D69B566979B86E28D23F2C7");
        CallbackReceiver.Call call = receiver.take();
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.uri()).isEqualTo("/oss/cb?src=oss");
        assertThat(call.header("host")).isEqualTo("callback.example.com");
        assertThat(call.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(call.body()).isEqualTo("bucket=examplebucket&object=exampledir%2Fexampleobject.txt"
                + "&etag=781E5E245D69B566979B86E28D23F2C7&size=10&mimeType=text%2Fplain&crc64=2838902930144391966"
                + "&uid=42&op=PutObject");
        assertThat(form(call.body())).containsEntry("object", "exampledir/exampleobject.txt");
    }

    @Test
    void sendsAJsonCallbackWithJsonEncodedValues() throws Exception {
        receiver.answer(200, "{\"accepted\":true}");
        Callback callback = new Callback();
        callback.setCallbackUrl(receiver.url("/json"));
        callback.setCallbackBody("{\\\"object\\\":${object},\\\"size\\\":${size},\\\"crc64\\\":${crc64},"
                + "\\\"order\\\":${x:order_id}}");
        callback.setCalbackBodyType(Callback.CalbackBodyType.JSON);
        callback.addCallbackVar("x:order_id", "A-42 é/x");

        PutObjectResult result = put("dir/测试 file.txt", "hello", callback);

        assertThat(new String(result.getCallbackResponseBody().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"accepted\":true}");
        CallbackReceiver.Call call = receiver.take();
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.header("content-type")).isEqualTo("application/json");
        Map<?, ?> json = (Map<?, ?>) Json.read(call.body().getBytes(StandardCharsets.UTF_8));
        assertThat(json.get("object")).isEqualTo("dir/测试 file.txt");
        assertThat(json.get("size")).as("a JSON number").isEqualTo(5L);
        assertThat(json.get("crc64")).as("a JSON string").isEqualTo(oss.object(BUCKET, "dir/测试 file.txt")
                .orElseThrow().crc64Text());
        assertThat(json.get("order")).isEqualTo("A-42 é/x");
    }

    @Test
    void reportsAFailingCallbackAsCallbackFailedButKeepsTheObject() throws IOException {
        receiver.answer(502, "{\"error\":\"down\"}");
        Callback callback = new Callback();
        callback.setCallbackUrl(receiver.url("/cb"));
        callback.setCallbackBody("object=${object}");

        assertThatThrownBy(() -> put("kept.txt", "still stored", callback))
                .isInstanceOfSatisfying(OSSException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("CallbackFailed");
                    assertThat(e.getErrorMessage()).isEqualTo("Error status : 502.");
                    assertThat(e.getEC()).isEqualTo("0007-00000203");
                });
        assertThat(oss.object(BUCKET, "kept.txt")).map(StoredObject::utf8).contains("still stored");
    }

    @Test
    void triesTheNextUrlWhenTheFirstFails() throws Exception {
        Callback callback = new Callback();
        callback.setCallbackUrl("http://127.0.0.1:1/unreachable;" + receiver.url("/second"));
        callback.setCallbackBody("object=${object}");

        PutObjectResult result = put("fallback.txt", "x", callback);

        assertThat(result.getCallbackResponseBody()).isNotNull();
        assertThat(receiver.take().uri()).isEqualTo("/second");
    }

    @Test
    void rejectsInvalidCallbackParametersBeforeStoring() {
        Callback callback = new Callback();
        callback.setCallbackUrl(receiver.url("/cb"));
        callback.setCallbackBody("object=$object");

        assertThatThrownBy(() -> put("never.txt", "x", callback))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidArgument"));
        assertThat(oss.object(BUCKET, "never.txt")).isEmpty();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
