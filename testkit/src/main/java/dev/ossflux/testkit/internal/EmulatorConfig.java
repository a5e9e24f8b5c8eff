package dev.ossflux.testkit.internal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything an emulator is started with; built by {@code OssEmulator.Builder}.
 *
 * @param hostNames names besides loopback addresses and {@code localhost} that requests may address in
 *     {@code Host}, lower case
 * @param recordUnauthenticated whether requests refused for their credentials or signature are logged
 * @param corsOrigins the origins CORS requests may come from ({@code *}: any); empty: CORS disabled
 */
public record EmulatorConfig(String host, int port, String region, Set<String> buckets, Map<String, Account> accounts,
        @Nullable Path dataDir, Duration callbackTimeout, boolean sink, KeyPair callbackKeys, Clock clock,
        boolean anonymousReads, Set<String> hostNames, Limits limits, boolean recordUnauthenticated,
        Set<String> corsOrigins) {

    public EmulatorConfig {
        buckets = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(buckets));
        accounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accounts));
        hostNames = Set.copyOf(hostNames);
        corsOrigins = Set.copyOf(corsOrigins);
    }

    public List<Account> accountList() {
        return List.copyOf(accounts.values());
    }
}
