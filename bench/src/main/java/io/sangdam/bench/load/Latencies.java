package io.sangdam.bench.load;

import java.util.Arrays;

/** Samples of one kind of latency, in microseconds; percentiles computed at the end. */
final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos / 1_000;
    }

    synchronized int count() {
        return size;
    }

    /** "p50 1.2 ms, p99 34 ms (n=1234)", or "-" without samples. */
    synchronized String summary() {
        if (size == 0) {
            return "-";
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return "p50 " + millis(at(sorted, 0.50)) + ", p99 " + millis(at(sorted, 0.99)) + ", max "
                + millis(sorted[size - 1]) + " ms (n=" + size + ")";
    }

    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return at(sorted, p) / 1000.0;
    }

    private static long at(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String millis(long micros) {
        return micros >= 100_000 ? Long.toString(micros / 1000) : String.format("%.1f", micros / 1000.0);
    }
}
