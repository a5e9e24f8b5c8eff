package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PresignRequest;
import dev.ossflux.core.PresignedRequest;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.RecordedRequest;
import dev.ossflux.testkit.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page's direct upload in headless Chromium: the browser asks the application for a signed form and posts
 * the file to the emulator, another origin, so that the file's bytes never reach the application; OSS's callback
 * does, is verified with the binding, and its reply comes back to the page through the emulator.
 */
@SampleApplicationTest
class DirectUploadPageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    private int port;

    @TempDir
    private Path temp;

    @Autowired
    private OssEmulator emulator;

    @Autowired
    private OssClient client;

    @Autowired
    private UploadCallbacks callbacks;

    @Autowired
    private ReceivedBytes received;

    private WebDriver browser;

    @BeforeEach
    void openThePage() {
        browser = chromium.browser();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        browser.get("http://127.0.0.1:" + port + "/");
        assertThat(browser.getTitle()).isEqualTo("ossflux WebFlux sample");
    }

    @Test
    void uploadsStraightToOssSoTheApplicationReceivesOnlyTheFormRequestAndTheCallback() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 123];
        new Random(16).nextBytes(content);
        Path file = Files.write(temp.resolve("clip.mp4"), content);

        long before = received.total();
        browser.findElement(By.id("direct-file")).sendKeys(file.toString());
        browser.findElement(By.id("direct-upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("direct-status"), "Stored directly."));
        long direct = received.total() - before;
        chromium.screenshot("direct-upload");

        String key = browser.findElement(By.id("direct-key")).getText();
        assertThat(key).matches("uploads/[0-9a-f-]{36}/clip\\.mp4");
        StoredObject stored = emulator.object(SampleApplicationTest.BUCKET, key).orElseThrow();
        assertThat(stored.bytes()).isEqualTo(content);
        assertThat(stored.contentType()).isEqualTo("video/mp4");
        assertThat(emulator.requests().stream().filter(request -> request.operation() == Operation.POST_OBJECT
                        && request.status() == 200 && request.key().filter(key::equals).isPresent()))
                .as("the browser posted the form with the file to the emulator")
                .singleElement().satisfies(request -> assertThat(request.bodySize()).isGreaterThan(content.length));

        JsonNode reply = JSON.readTree(browser.findElement(By.id("direct-callback")).getText());
        assertThat(reply.get("Status").asString()).as("only a callback verified with the binding gets OK")
                .isEqualTo("OK");
        assertThat(reply.get("object").asString()).isEqualTo(key);
        assertThat(reply.get("size").asLong()).isEqualTo(content.length);
        assertThat(reply.get("mimeType").asString()).isEqualTo("video/mp4");
        assertThat(key).contains("/" + reply.get("uploadId").asString() + "/");

        before = received.total();
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("status"),
                "Stored."));
        long throughTheServer = received.total() - before;

        System.out.printf("A %,d-byte file: the application received %,d bytes for the direct upload, %,d for the"
                + " upload through it%n", content.length, direct, throughTheServer);
        assertThat(direct).as("the form request and the callback, not the file").isLessThan(16 * 1024);
        assertThat(throughTheServer).isGreaterThan(content.length);
    }

    @Test
    void ossRefusesTheFormForABiggerFileAndAfterItExpired() throws Exception {
        String formJson = (String) run("requestForm(new File([new Uint8Array(1000)], 'small.txt',"
                + " {type: 'text/plain'})).then(form => ({json: JSON.stringify(form)}))", List.of()).get("json");
        String post = "postForm(JSON.parse(arguments[0]), new File([new Uint8Array(arguments[1])], 'small.txt',"
                + " {type: 'text/plain'}))";

        Map<String, Object> bigger = run(post, List.of(formJson, 1001));
        assertThat(bigger).containsEntry("status", 400L).containsEntry("code", "EntityTooLarge");

        Map<String, Object> stored = run(post, List.of(formJson, 1000));
        assertThat(stored.get("status")).isEqualTo(200L);
        assertThat(JSON.readTree((String) stored.get("text")).get("Status").asString()).isEqualTo("OK");

        Map<String, Object> again = run(post, List.of(formJson, 1000));
        assertThat(again).as("stored again, but the application refuses the replayed callback")
                .containsEntry("status", 203L).containsEntry("code", "CallbackFailed");

        Instant expiration = Instant.parse(JSON.readTree(formJson).get("expiration").asString());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiration).toMillis()) + 1500);
        Map<String, Object> expired = run(post, List.of(formJson, 1000));
        assertThat(expired).containsEntry("status", 403L).containsEntry("code", "AccessDenied");
    }

    @Test
    void aPresignedPutFromThePagePassesTheCorsPreflightAndGetsTheCallbackReply() throws Exception {
        String key = "uploads/presigned/note.txt";
        PresignedRequest put = client.presign(PresignRequest.put(SampleApplicationTest.BUCKET, key)
                        .expiresIn(Duration.ofMinutes(1))
                        .contentType("text/plain")
                        .callback(callbacks.forUpload(SampleApplicationTest.BUCKET, key, "presigned"))
                        .build())
                .block(Duration.ofSeconds(5));

        Map<String, Object> answer = run("fetch(arguments[0], {method: 'PUT', headers: arguments[1], body: 'hello'})"
                + ".then(async response => ({status: response.status, text: await response.text()}))",
                List.of(put.url(), put.headers()));

        assertThat(answer.get("status")).isEqualTo(200L);
        assertThat(JSON.readTree((String) answer.get("text")).get("object").asString()).isEqualTo(key);
        List<RecordedRequest> requests = emulator.requests();
        assertThat(requests).as("the browser's preflight for the PUT, answered")
                .anyMatch(request -> request.operation() == Operation.OPTION_OBJECT && request.status() == 200
                        && request.header("Access-Control-Request-Method").filter("PUT"::equals).isPresent()
                        && request.header("Origin").filter(("http://127.0.0.1:" + port)::equals).isPresent());
        assertThat(emulator.object(SampleApplicationTest.BUCKET, key)).map(StoredObject::contentType)
                .contains("text/plain");
    }

    /** Runs {@code promise}, a script expression using the page's functions, and returns what it resolves to. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String promise, List<Object> arguments) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + promise + ".then(done, error => done({error: String(error)}));",
                arguments.toArray());
        assertThat(result).isInstanceOf(Map.class);
        Map<String, Object> map = (Map<String, Object>) result;
        assertThat(map).doesNotContainKey("error");
        return map;
    }
}
