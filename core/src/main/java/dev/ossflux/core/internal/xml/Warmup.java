package dev.ossflux.core.internal.xml;

import dev.ossflux.core.internal.json.Databind;
import dev.ossflux.core.internal.json.Json;
import dev.ossflux.core.internal.xml.CompleteMultipartUpload;
import dev.ossflux.core.internal.xml.CompleteMultipartUploadResult;
import dev.ossflux.core.internal.xml.ErrorBody;
import dev.ossflux.core.internal.xml.InitiateMultipartUploadResult;
import dev.ossflux.core.internal.xml.ListMultipartUploadsResult;
import dev.ossflux.core.internal.xml.ListPartsResult;
import dev.ossflux.core.internal.xml.Xml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Loads the JSON and XML machinery and the OSS body types while a client is built, on the caller's
 * thread: class loading reads jars, which must not happen later on an event loop. The emulator in
 * testkit runs it too.
 */
public final class Warmup {

    private static volatile boolean done;

    private Warmup() {
    }

    public static void run() {
        if (done) {
            return;
        }
        ErrorBody.parse("<Error><Code>Warmup</Code></Error>".getBytes(StandardCharsets.UTF_8));
        Json.read(Json.write(Map.of("warmup", true)));
        Databind.detected();
        roundTrip(new InitiateMultipartUploadResult("b", "k", "u"));
        roundTrip(new CompleteMultipartUpload(List.of(new CompleteMultipartUpload.Part(1, "e"))));
        roundTrip(new CompleteMultipartUploadResult(null, "l", "b", "k", "e"));
        roundTrip(new ListPartsResult("b", "k", "u", "Standard", 0, 1, 1000, false,
                List.of(new ListPartsResult.Part(1, "t", "e", "0", 1))));
        roundTrip(new ListMultipartUploadsResult("b", "", "", "", "", "", "", 1000, false,
                List.of(new ListMultipartUploadsResult.Upload("k", "u", "Standard", "t"))));
        done = true;
    }

    private static void roundTrip(Object value) {
        Xml.read(Xml.write(value), value.getClass());
    }
}
