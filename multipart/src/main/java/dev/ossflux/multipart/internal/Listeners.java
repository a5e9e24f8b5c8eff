package dev.ossflux.multipart.internal;

import dev.ossflux.core.Progress;
import dev.ossflux.core.ProgressListener;
import reactor.util.Logger;
import reactor.util.Loggers;

/** Hands progress to a caller's listener, which may not break the upload by throwing. */
final class Listeners {

    private static final Logger LOG = Loggers.getLogger(Listeners.class);

    private Listeners() {
    }

    static void notify(ProgressListener listener, Progress progress) {
        try {
            listener.onProgress(progress);
        } catch (RuntimeException e) {
            LOG.warn("Progress listener failed; ignoring it", e);
        }
    }
}
