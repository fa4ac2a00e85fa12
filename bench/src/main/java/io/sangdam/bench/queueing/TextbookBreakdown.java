package io.sangdam.bench.queueing;

import io.sangdam.engine.queueing.ErlangC;

/**
 * Finds, for several loads, the first agent count at which the textbook double formula returns NaN
 * or Infinity, and the first at which it is more than 1e-9 off Sangdam's value (checked against
 * 60-digit references in the engine's tests). Run with
 * {@code java -cp bench/target/benchmarks.jar io.sangdam.bench.queueing.TextbookBreakdown}.
 */
public final class TextbookBreakdown {

    private TextbookBreakdown() {}

    public static void main(String[] arguments) {
        System.out.println("load  first c off by > 1e-9  first c NaN/Inf  value there");
        for (double utilisation : new double[] {0.5, 0.8, 0.9, 0.95}) {
            int inaccurate = -1;
            int broken = -1;
            double brokenValue = 0;
            for (int agents = 1; agents <= 2_000 && broken < 0; agents++) {
                double erlangs = utilisation * agents;
                double textbook = TextbookErlangC.withDoubles(agents, erlangs);
                double exact = ErlangC.probabilityOfWaiting(agents, erlangs);
                if (!Double.isFinite(textbook)) {
                    broken = agents;
                    brokenValue = textbook;
                }
                if (inaccurate < 0 && !(Math.abs(textbook - exact) <= 1e-9 * exact)) {
                    inaccurate = agents;
                }
            }
            System.out.printf("%.2f  %21d  %15d  %s%n", utilisation, inaccurate, broken, brokenValue);
        }
    }
}
