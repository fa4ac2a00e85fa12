package io.sangdam.bench.load;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** What a load run shares between its customers and agents, and what it measured. */
final class Run {

    /** One rate step of the ramp. */
    static final class Step {
        final String name;
        final int rate;
        final long from;
        volatile long until;
        final LongAdder started = new LongAdder();
        final LongAdder offered = new LongAdder();
        final LongAdder offersInWindow = new LongAdder();
        final LongAdder ended = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final Latencies start = new Latencies();
        final Latencies routeToOffer = new Latencies();
        final Latencies toAgent = new Latencies();
        final Latencies roundTrip = new Latencies();
        /** The chat's status GET (the widget's refresh). */
        final Latencies status = new Latencies();
        /** CPU used by the server, its database and the driver during the step (when known). */
        volatile @Nullable CpuTime cpu;

        final AtomicInteger maxOpen = new AtomicInteger();
        final AtomicInteger maxConnected = new AtomicInteger();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        Step(int rate, long from, long until) {
            this(rate + "/s", rate, from, until);
        }

        Step(String name, int rate, long from, long until) {
            this.name = name;
            this.rate = rate;
            this.from = from;
            this.until = until;
        }
    }

    /** A contact as both sides see it; the agent's offer may arrive before the customer's 201. */
    static final class Contact {
        final String id;
        private long startSent;
        private long offerArrived;
        volatile @Nullable Step step;
        volatile long messageSent;
        volatile int exchange;

        Contact(String id) {
            this.id = id;
        }
    }

    final Options options;
    final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    final AtomicInteger open = new AtomicInteger();
    /** Customers between their start request and the end of their chat (open includes only acknowledged ones). */
    final AtomicInteger inFlight = new AtomicInteger();

    final java.util.Set<Customer> openCustomers = ConcurrentHashMap.newKeySet();
    final AtomicInteger connected = new AtomicInteger();
    final AtomicLong customersStarted = new AtomicLong();
    final List<Step> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile @Nullable Step current;
    private final @Nullable Writer acknowledged;

    Run(Options options) throws IOException {
        this.options = options;
        this.acknowledged = options.ackLog == null
                ? null
                : Files.newBufferedWriter(
                        Path.of(options.ackLog),
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
    }

    Contact contact(String id) {
        return contacts.computeIfAbsent(id, Contact::new);
    }

    void started(Contact contact, long sentAt, Step step) {
        synchronized (contact) {
            contact.startSent = sentAt;
            contact.step = step;
            if (contact.offerArrived != 0) {
                step.routeToOffer.add(contact.offerArrived - sentAt);
                step.offered.increment();
            }
        }
    }

    void offered(String id, long arrivedAt) {
        Step now = current;
        if (now != null) {
            now.offersInWindow.increment();
        }
        Contact contact = contact(id);
        synchronized (contact) {
            if (contact.offerArrived != 0) {
                return; // offered again after a missed offer: route-to-offer counts the first
            }
            contact.offerArrived = arrivedAt;
            if (contact.step != null && contact.startSent != 0) {
                contact.step.routeToOffer.add(arrivedAt - contact.startSent);
                contact.step.offered.increment();
            }
        }
    }

    /** After a restart: when every returning customer had spoken or was waiting for an agent (0: not yet). */
    volatile long customersBack;

    /** Things that happened, not errors: counted for the report. */
    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A line for the acknowledged log's notes (what an agent did to a chat), when there is a log. */
    void note(String line) {
        acknowledged("note " + line);
    }

    static Map<String, Long> sorted(Map<String, LongAdder> counters) {
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    void error(@Nullable Step step, String kind) {
        Step at = step != null ? step : current;
        if (at != null) {
            at.errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** Written once the server acknowledged it: the fault test checks every line after a crash. */
    void acknowledged(String line) {
        if (acknowledged == null) {
            return;
        }
        synchronized (acknowledged) {
            try {
                acknowledged.write(line);
                acknowledged.write('\n');
                acknowledged.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    void sample() {
        Step step = current;
        if (step != null) {
            step.maxOpen.accumulateAndGet(open.get(), Math::max);
            step.maxConnected.accumulateAndGet(connected.get(), Math::max);
        }
    }

    static Map<String, Long> errors(Step step) {
        Map<String, Long> sorted = new TreeMap<>();
        step.errors.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}
