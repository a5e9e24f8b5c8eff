package dev.ossflux.spring.boot;

import dev.ossflux.core.auth.Credentials;

/**
 * Where the embedded emulator listens and what it accepts; a type of the starter's own, so beans that use it
 * load without {@code ossflux-testkit} on the class path.
 */
record EmulatedOss(String endpoint, String region, Credentials credentials) {

    /** The prefix the emulator's callback key URL starts with. */
    String keyUrlPrefix() {
        return endpoint + "/";
    }
}
