package dev.ossflux.samples.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackSampleIT {

    /** MD5 of the sample's content, 1 MiB of 'a': the ETag OSS gives a simple upload. */
    private static final String MD5_OF_CONTENT = "7202826A7791073FE2787F0C94603278";

    @Test
    void runsTheDocumentedSampleOnTheEmbeddedEmulatorWithAVerifiedCallback() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        try (SampleSetup setup = SampleSetup.of(name -> null, out)) {
            CallbackSample.run(setup, out);
        }

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("started an OSS emulator")
                .contains("\"callbackBody\":\"bucket=${bucket}&object=${object}\"")
                .contains("\"callbackBodyType\":\"application/x-www-form-urlencoded\"")
                .contains("Object uploaded with callback successfully.");
        assertThat(occurrences(output, "receiver: signature verified; OSS says "
                + "bucket=examplebucket&object=examplefiles%2Fexampleobject.txt"))
                .as("all three uploads reached the receiver with a verified signature").isEqualTo(3);
        assertThat(occurrences(output, "the callback reply OSS returned: {\"Status\":\"OK\",\"bucket\":\"examplebucket\","
                + "\"object\":\"examplefiles/exampleobject.txt\"}")).isEqualTo(3);
        assertThat(occurrences(output, "uploader: stored, ETag %s, CRC-64 ".formatted(MD5_OF_CONTENT))).isEqualTo(2);
        assertThat(output).contains("3. UploadFile (resumable multipart)")
                .containsPattern("uploader: stored, ETag [0-9A-F]{32}-3, CRC-64 \\d+")
                .contains("checkpoints left after success: 0");
    }

    @Test
    void refusesRealOssWithoutACallbackUrl() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleSetup.of(
                        name -> name.equals("OSS_ENDPOINT") ? "https://oss-cn-hangzhou.aliyuncs.com" : null, out))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OSS_CALLBACK_URL");
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
