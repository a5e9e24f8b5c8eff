package dev.ossflux.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Waits for logged requests: the emulator logs a request just after its response is sent. */
final class Requests {

    private Requests() {
    }

    static List<RecordedRequest> take(OssEmulator oss, Operation operation, int count) throws InterruptedException {
        List<RecordedRequest> found = new ArrayList<>();
        while (found.size() < count) {
            RecordedRequest request = oss.takeRequest(Duration.ofSeconds(10));
            if (request == null) {
                throw new AssertionError("only " + found.size() + " of " + count + " " + operation + " requests");
            }
            if (request.operation() == operation) {
                found.add(request);
            }
        }
        return found;
    }
}
