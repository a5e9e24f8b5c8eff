package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * CompleteMultipartUpload racing AbortMultipartUpload, and two Completes racing each other, sent at the same
 * moment many times: exactly one request wins, the loser gets {@code NoSuchUpload}, and what the winner
 * left is whole, in memory and in a data directory read again after a restart.
 */
class MultipartRaceIT {

    private static final String BUCKET = "race-bucket";
    private static final int ROUNDS = 40;
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([0-9A-F]+)</UploadId>");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "data directory: {0}")
    @ValueSource(booleans = {false, true})
    void theLoserOfARaceGetsNoSuchUploadAndNothingHalfDoneRemains(boolean onDisk) throws Exception {
        OssEmulator.Builder builder = OssEmulator.builder().bucket(BUCKET);
        if (onDisk) {
            builder.dataDir(dir);
        }
        Map<String, byte[]> completed = new HashMap<>();
        List<String> aborted = new ArrayList<>();
        try (OssEmulator oss = builder.start()) {
            for (int round = 0; round < ROUNDS; round++) {
                String key = "race-" + round;
                byte[] data = new byte[ThreadLocalRandom.current().nextInt(1, 64 * 1024)];
                ThreadLocalRandom.current().nextBytes(data);
                String uploadId = initiate(oss, key);
                String etag = uploadPart(oss, key, uploadId, data);
                boolean againstAbort = round % 2 == 0;
                Tuple2<SignedRequests.Response, SignedRequests.Response> race = Mono.zip(
                        SignedRequests.sendAsync(oss, complete(key, uploadId, etag)),
                        SignedRequests.sendAsync(oss, againstAbort ? abort(key, uploadId)
                                : complete(key, uploadId, etag))).block(Duration.ofSeconds(20));
                SignedRequests.Response first = race.getT1();
                SignedRequests.Response second = race.getT2();
                boolean firstWon = first.status() == 200;
                SignedRequests.Response winner = firstWon ? first : second;
                SignedRequests.Response loser = firstWon ? second : first;
                assertThat(winner.status()).as("round %d: %s / %s", round, first.text(), second.text())
                        .isIn(200, 204);
                assertThat(loser.status()).as("round %d loser: %s", round, loser.text()).isEqualTo(404);
                assertThat(loser.errorCode()).isEqualTo("NoSuchUpload");
                if (winner == first || !againstAbort) {
                    completed.put(key, data);
                } else {
                    aborted.add(key);
                }
                assertStored(oss, completed, aborted, key);
            }
            assertThat(oss.pendingMultipartUploads(BUCKET)).isEmpty();
            assertThat(completed).isNotEmpty();
        }
        if (onDisk) {
            try (OssEmulator restarted = builder.start()) {
                for (String key : completed.keySet()) {
                    assertStored(restarted, completed, aborted, key);
                }
                for (String key : aborted) {
                    assertStored(restarted, completed, aborted, key);
                }
                assertThat(restarted.pendingMultipartUploads(BUCKET)).isEmpty();
                assertThat(blobsOnceThereAre(completed.size())).as("one blob per stored object, none left by a loser")
                        .isEqualTo(completed.size());
            }
        }
    }

    private static void assertStored(OssEmulator oss, Map<String, byte[]> completed, List<String> aborted,
            String key) {
        SignedRequests.Response get = SignedRequests.send(oss, new SignedRequests.Request("GET", BUCKET, key));
        if (aborted.contains(key)) {
            assertThat(get.status()).as(key).isEqualTo(404);
        } else {
            assertThat(get.status()).as("%s: %s", key, get.text()).isEqualTo(200);
            assertThat(get.body()).as(key).isEqualTo(completed.get(key));
        }
    }

    /** The count of blob files once it is {@code expected}, or after 10 s: released blobs go in the background. */
    private long blobsOnceThereAre(long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Stream<Path> files = Files.list(dir.resolve("blobs"))) {
                long count = files.count();
                if (count == expected || System.nanoTime() > deadline) {
                    return count;
                }
            }
        }
    }

    private static String initiate(OssEmulator oss, String key) {
        SignedRequests.Response initiated = SignedRequests.send(oss, new SignedRequests.Request("POST", BUCKET, key)
                .query("uploads", null));
        Matcher id = UPLOAD_ID.matcher(initiated.text());
        assertThat(id.find()).as(initiated.text()).isTrue();
        return id.group(1);
    }

    private static String uploadPart(OssEmulator oss, String key, String uploadId, byte[] data) {
        SignedRequests.Request part = new SignedRequests.Request("PUT", BUCKET, key).query("partNumber", "1")
                .query("uploadId", uploadId);
        part.body = data;
        SignedRequests.Response response = SignedRequests.send(oss, part);
        assertThat(response.status()).isEqualTo(200);
        return response.header("etag");
    }

    private static SignedRequests.Request complete(String key, String uploadId, String etag) {
        return new SignedRequests.Request("POST", BUCKET, key).query("uploadId", uploadId)
                .body("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + etag
                        + "</ETag></Part></CompleteMultipartUpload>");
    }

    private static SignedRequests.Request abort(String key, String uploadId) {
        return new SignedRequests.Request("DELETE", BUCKET, key).query("uploadId", uploadId);
    }
}
