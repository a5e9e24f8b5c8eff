package dev.ossflux.testkit.internal;

import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Injected faults in the order they were added, each used up after its {@code times}. Taking a
 * fault happens on event loops and never locks; used-up entries are dropped when faults are added
 * or cleared, on the test's thread.
 */
final class Faults {

    private static final class Entry {
        final @Nullable Operation operation;
        final Fault fault;
        final AtomicInteger remaining;

        Entry(@Nullable Operation operation, Fault fault) {
            this.operation = operation;
            this.fault = fault;
            this.remaining = new AtomicInteger(fault.times());
        }
    }

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();

    void add(@Nullable Operation operation, Fault fault) {
        entries.removeIf(entry -> entry.remaining.get() <= 0);
        entries.add(new Entry(operation, fault));
    }

    void clear() {
        entries.clear();
    }

    @Nullable Fault takeRequestFault(Operation operation) {
        return take(operation, false);
    }

    @Nullable Fault takeCallbackFault(Operation operation) {
        return take(operation, true);
    }

    private @Nullable Fault take(Operation operation, boolean callback) {
        if (operation == Operation.GET_CALLBACK_PUBLIC_KEY) {
            return null;
        }
        for (Entry entry : entries) {
            if (entry.fault.affectsCallback() == callback
                    && (entry.operation == null || entry.operation == operation)
                    && entry.remaining.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return entry.fault;
            }
        }
        return null;
    }
}
