package dev.ossflux.benchmarks.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Injects the soak's faults at random: a fault every {@code faultEvery} on average, the kinds dealt
 * from a shuffled deck so that each comes up within every round of the deck, and SIGKILL with a
 * restart of the emulator every {@code killEvery}. Runs on threads of its own (its control commands
 * write to a pipe).
 */
final class Chaos implements AutoCloseable {

    /** The faults, by what the client sees. */
    enum Kind {
        RESET_MID_BODY, STATUS_500, STATUS_503, STATUS_429, SLOW_RESPONSE, LOST_RESPONSE, CALLBACK_DOWN,
        CALLBACK_SLOW, KILL
    }

    static final Duration SLOW_RESPONSE = Duration.ofSeconds(6);
    private static final Duration CALLBACK_TROUBLE = Duration.ofSeconds(3);
    private static final List<String> WRITES = List.of("PUT_OBJECT", "UPLOAD_PART", "INITIATE_MULTIPART_UPLOAD",
            "COMPLETE_MULTIPART_UPLOAD");
    private static final List<String> STORING = List.of("PUT_OBJECT", "UPLOAD_PART", "COMPLETE_MULTIPART_UPLOAD");
    private static final List<String> BODIES = List.of("PUT_OBJECT", "UPLOAD_PART");

    private final EmulatorProcess emulator;
    private final CountingReceiver receiver;
    private final Random random;
    private final Duration faultEvery;
    private final Map<Kind, AtomicLong> counts = new EnumMap<>(Kind.class);
    private final List<Kind> deck = new ArrayList<>();
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "soak-chaos");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopped;

    Chaos(EmulatorProcess emulator, CountingReceiver receiver, long seed, Duration faultEvery, Duration killEvery) {
        this.emulator = emulator;
        this.receiver = receiver;
        this.random = new Random(seed);
        this.faultEvery = faultEvery;
        for (Kind kind : Kind.values()) {
            counts.put(kind, new AtomicLong());
        }
        threads.schedule(this::nextFault, faultEvery.toMillis(), TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(this::kill, killEvery.toMillis(), killEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Faults injected so far, by kind (a request fault counts when sent; a kill clears those not yet shown). */
    Map<Kind, Long> counts() {
        Map<Kind, Long> now = new EnumMap<>(Kind.class);
        counts.forEach((kind, count) -> now.put(kind, count.get()));
        return now;
    }

    long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private void nextFault() {
        if (stopped) {
            return;
        }
        try {
            inject(deal());
        } catch (RuntimeException e) {
            System.err.println("chaos: " + e);
        }
        long mean = faultEvery.toMillis();
        threads.schedule(this::nextFault, mean / 2 + (long) (random.nextDouble() * mean), TimeUnit.MILLISECONDS);
    }

    private synchronized Kind deal() {
        if (deck.isEmpty()) {
            deck.addAll(List.of(Kind.values()));
            deck.remove(Kind.KILL);
            Collections.shuffle(deck, random);
        }
        return deck.remove(deck.size() - 1);
    }

    private void inject(Kind kind) {
        switch (kind) {
            case RESET_MID_BODY -> fault(BODIES, "reset " + (1 + random.nextInt(16 * 1024)));
            case STATUS_500 -> fault(WRITES, "status 500");
            case STATUS_503 -> fault(WRITES, "status 503");
            case STATUS_429 -> fault(WRITES, "status 429");
            case SLOW_RESPONSE -> fault(STORING, "slow " + SLOW_RESPONSE.toMillis());
            case LOST_RESPONSE -> fault(STORING, "lose");
            case CALLBACK_DOWN -> {
                receiver.down();
                threads.schedule(receiver::up, CALLBACK_TROUBLE.toMillis(), TimeUnit.MILLISECONDS);
            }
            case CALLBACK_SLOW -> {
                receiver.slow();
                threads.schedule(receiver::up, CALLBACK_TROUBLE.toMillis(), TimeUnit.MILLISECONDS);
            }
            case KILL -> throw new IllegalArgumentException("kills are scheduled apart");
        }
        counts.get(kind).incrementAndGet();
    }

    private void fault(List<String> operations, String fault) {
        emulator.command("fault " + operations.get(random.nextInt(operations.size())) + " " + fault);
    }

    private void kill() {
        if (stopped) {
            return;
        }
        try {
            emulator.killAndRestart();
            counts.get(Kind.KILL).incrementAndGet();
        } catch (Exception e) {
            System.err.println("chaos: the emulator did not restart: " + e);
        }
    }

    /** Stops injecting, clears the faults not yet shown and brings the receiver back. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        threads.shutdown();
        threads.awaitTermination(2, TimeUnit.MINUTES);
        emulator.command("clear");
        receiver.up();
    }
}
