package dev.ossflux.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.Crc64;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StubUploadsTest {

    private final StubUploads uploads = new StubUploads();

    @Test
    void completesWithTheCrc64OfThePartsJoinedInTheOrderTheBodyListsThem() {
        byte[] object = new byte[3 * 1000 + 17];
        new Random(7).nextBytes(object);
        String id = uploads.initiate();
        for (int number = 3; number >= 1; number--) {
            byte[] part = Arrays.copyOfRange(object, (number - 1) * 1000, number == 3 ? object.length : number * 1000);
            assertThat(uploads.part(id, number, new StubUploads.Part(Crc64.of(part), part.length))).isTrue();
        }

        StubUploads.Completed done = uploads.complete(id, "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>"
                + "<ETag>a</ETag></Part><Part><PartNumber>2</PartNumber></Part><Part><PartNumber> 3 </PartNumber>"
                + "</Part></CompleteMultipartUpload>");

        assertThat(done).isEqualTo(new StubUploads.Completed(Crc64.of(object), 3));
        assertThat(uploads.complete(id, "<PartNumber>1</PartNumber>")).as("a completed upload is gone").isNull();
    }

    @Test
    void refusesPartsOfUnknownUploadsAndCompletesNamingAMissingPart() {
        assertThat(uploads.part("nope", 1, new StubUploads.Part(1, 1))).isFalse();
        String id = uploads.initiate();
        uploads.part(id, 1, new StubUploads.Part(1, 1));
        assertThat(uploads.complete(id, "<PartNumber>1</PartNumber><PartNumber>2</PartNumber>")).isNull();
        String aborted = uploads.initiate();
        uploads.abort(aborted);
        assertThat(uploads.part(aborted, 1, new StubUploads.Part(1, 1))).isFalse();
    }

    @Test
    void readsWhatAPathStyleRequestAsksFor() {
        StubRequest part = StubRequest.of(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT,
                "/bench/dir/file%201.bin?partNumber=7&uploadId=stub1f"));
        assertThat(part.isUploadPart()).isTrue();
        assertThat(part.isPutObject()).isFalse();
        assertThat(part.bucket()).isEqualTo("bench");
        assertThat(part.key()).isEqualTo("dir/file 1.bin");
        assertThat(part.partNumber()).isEqualTo(7);
        assertThat(part.uploadId()).isEqualTo("stub1f");
        assertThat(StubRequest.of(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/bench/k?uploads"))
                .isInitiate()).isTrue();
        assertThat(StubRequest.of(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/bench/k?uploadId=x")).isComplete()).isTrue();
        assertThat(StubRequest.of(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.DELETE,
                "/bench/k?uploadId=x")).isAbort()).isTrue();
        assertThat(StubRequest.of(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, "/bench/k"))
                .isPutObject()).isTrue();
    }
}
