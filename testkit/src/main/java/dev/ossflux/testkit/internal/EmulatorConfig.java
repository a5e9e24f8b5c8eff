package dev.ossflux.testkit.internal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Everything an emulator is started with; built by {@code OssEmulator.Builder}. */
public record EmulatorConfig(String host, int port, String region, Set<String> buckets, Map<String, Account> accounts,
        @Nullable Path dataDir, Duration callbackTimeout, boolean sink, KeyPair callbackKeys, Clock clock,
        boolean anonymousReads) {

    public EmulatorConfig {
        buckets = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(buckets));
        accounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accounts));
    }

    public List<Account> accountList() {
        return List.copyOf(accounts.values());
    }
}
