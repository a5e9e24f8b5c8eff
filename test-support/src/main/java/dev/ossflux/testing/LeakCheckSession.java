package dev.ossflux.testing;

import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs {@link NettyLeaks} when a test run starts, before any test allocates a buffer, and fails the
 * run when it ends with leak reports that no {@link FailOnLeaks} check took: leaks from tests of other
 * engines, or noticed only after the last test class. Registered through {@code ServiceLoader}.
 */
public final class LeakCheckSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NettyLeaks.install();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<String> leaks = NettyLeaks.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(describe(leaks, "by the end of the test run"));
        }
    }

    static String describe(List<String> leaks, String when) {
        return "Netty reported " + leaks.size() + " leak(s) " + when + ":\n" + String.join("\n", leaks);
    }
}
