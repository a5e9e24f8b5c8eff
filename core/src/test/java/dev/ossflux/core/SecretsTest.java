package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/**
 * Runs successful, retried and failed requests with all logging at the finest level and checks that
 * the secret and the session token appear in no log line, {@code toString} or exception text.
 */
class SecretsTest {

    private static final String SECRET = "S3cr3t-value-never-shown";
    private static final String TOKEN = "T0k3n-value-never-shown";

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                line.append(' ').append(stackTrace(record.getThrown()));
            }
            captured.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    @BeforeEach
    void captureAllLogging() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restoreLogging() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    @Test
    void neverRevealsTheSecretOrTheToken() {
        Credentials credentials = Credentials.temporary("LTAI-test-id", SECRET, TOKEN, Instant.now().plusSeconds(3600));
        List<String> texts = new CopyOnWriteArrayList<>();
        for (SignatureVersion version : SignatureVersion.values()) {
            try (MockOss oss = new MockOss(MockOss.defaults().signatureVersion(version)
                    .credentials(CredentialsProvider.of(credentials)).retry(Retry.backoff(1, Duration.ofMillis(5))))) {
                oss.enqueue(new MockResponse.Builder().code(503).build());
                oss.enqueue(MockOss.ok("E", Long.parseUnsignedLong("2838902930144391966")).build());
                oss.enqueue(new MockResponse.Builder().code(403).body("<Error><Code>SignatureDoesNotMatch</Code>"
                        + "<Message>The request signature we calculated does not match.</Message>"
                        + "<StringToSign>PUT\n\nx-oss-security-token:" + TOKEN + "</StringToSign>"
                        + "<SignatureProvided>sig</SignatureProvided></Error>").build());

                StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, "a.txt"),
                        UploadBody.fromString("0123456789"))).expectNextCount(1).expectComplete()
                        .verify(Duration.ofSeconds(5));
                StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, "b.txt"),
                                UploadBody.fromString("0123456789")))
                        .expectErrorSatisfies(error -> {
                            texts.add(error.toString());
                            texts.add(stackTrace(error));
                            texts.add(((OssException) error).details().toString());
                        })
                        .verify(Duration.ofSeconds(5));
                assertThat(oss.take().getHeaders().get("x-oss-security-token")).as("the token is sent, only sent")
                        .isEqualTo(TOKEN);
                texts.add(oss.client.toString());
            }
        }
        texts.add(credentials.toString());
        texts.add(CredentialsProvider.of(credentials).toString());
        texts.add(CredentialsProvider.refreshing(() -> reactor.core.publisher.Mono.just(credentials),
                Duration.ofMinutes(1)).toString());

        assertThat(captured).as("log lines at the finest level").isNotEmpty();
        texts.addAll(captured);
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN));
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
