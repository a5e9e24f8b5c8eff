package dev.ossflux.core.callback;

import dev.ossflux.core.internal.json.Databind;
import dev.ossflux.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;

/**
 * Loads the RSA and JSON machinery while a verifier is built, on the caller's thread: loading
 * security providers and classes reads files, which must not happen later on an event loop.
 */
final class Warmup {

    private static volatile boolean done;

    private Warmup() {
    }

    static void run() {
        if (done) {
            return;
        }
        try {
            KeyFactory.getInstance("RSA");
            Signature.getInstance("MD5withRSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot verify MD5withRSA signatures", e);
        }
        Json.read("{\"warmup\":[1,\"a\"]}".getBytes(StandardCharsets.UTF_8));
        Databind.detected();
        done = true;
    }
}
