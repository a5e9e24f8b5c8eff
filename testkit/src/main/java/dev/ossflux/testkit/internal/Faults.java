package dev.ossflux.testkit.internal;

import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Injected faults in the order they were added, each used up after its {@code times}. */
final class Faults {

    private static final class Entry {
        final @Nullable Operation operation;
        final Fault fault;
        int remaining;

        Entry(@Nullable Operation operation, Fault fault) {
            this.operation = operation;
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(@Nullable Operation operation, Fault fault) {
        entries.add(new Entry(operation, fault));
    }

    synchronized void clear() {
        entries.clear();
    }

    @Nullable Fault takeRequestFault(Operation operation) {
        return take(operation, false);
    }

    @Nullable Fault takeCallbackFault(Operation operation) {
        return take(operation, true);
    }

    private synchronized @Nullable Fault take(Operation operation, boolean callback) {
        if (operation == Operation.GET_CALLBACK_PUBLIC_KEY) {
            return null;
        }
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.fault.affectsCallback() == callback
                    && (entry.operation == null || entry.operation == operation)) {
                if (--entry.remaining == 0) {
                    it.remove();
                }
                return entry.fault;
            }
        }
        return null;
    }
}
