package dev.ossflux.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes in a launcher of their own, as the build runs every module's tests. */
class NettyLeaksTest {

    @Test
    void failsTheTestClassThatLeakedABuffer() {
        TestExecutionSummary summary = run(LeaksABuffer.class, true);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.getTestIdentifier().isContainer()).isTrue();
            assertThat(failure.getException())
                    .hasMessageContaining("by the end of " + LeaksABuffer.class.getName())
                    .hasMessageContaining("LEAK: ByteBuf.release() was not called")
                    .hasMessageContaining("LeaksABuffer.dropsABufferWithoutReleasingIt");
        });
    }

    @Test
    void passesATestClassThatReleasesItsBuffers() {
        TestExecutionSummary summary = run(ReleasesItsBuffer.class, true);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getFailures()).isEmpty();
    }

    @Test
    void failsTheRunWhenALeakIsLeftForItsEnd() {
        assertThatThrownBy(() -> run(LeaksABuffer.class, false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("by the end of the test run")
                .hasMessageContaining("LEAK: ByteBuf.release() was not called");
    }

    private static TestExecutionSummary run(Class<?> testClass, boolean checkEachClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled",
                        Boolean.toString(checkEachClass))
                .configurationParameter("junit.jupiter.extensions.autodetection.include", "dev.ossflux.testing.*")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request, listener);
        }
        return listener.getSummary();
    }

    static class LeaksABuffer {
        @Test
        void dropsABufferWithoutReleasingIt() {
            ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16);
            buffer.writeLong(42);
        }
    }

    static class ReleasesItsBuffer {
        @Test
        void releasesTheBufferItAllocated() {
            ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16);
            buffer.writeLong(42);
            buffer.release();
        }
    }
}
