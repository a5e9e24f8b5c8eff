package dev.ossflux.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leak by its end (after its own {@code @AfterAll} methods and
 * extensions have closed what it started). Registered for every test class through Jupiter's extension
 * auto-detection, which the build turns on.
 */
public final class FailOnLeaks implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = NettyLeaks.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(LeakCheckSession.describe(leaks, "by the end of "
                    + context.getRequiredTestClass().getName()));
        }
    }
}
