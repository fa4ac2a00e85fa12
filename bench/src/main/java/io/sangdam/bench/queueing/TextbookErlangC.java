package io.sangdam.bench.queueing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Erlang C as textbooks print it, C = (a^c / c!) · c/(c−a) / (Σ_{k<c} a^k/k! + (a^c / c!) · c/(c−a)),
 * kept here only to show why Sangdam does not compute it that way.
 *
 * <p>In doubles, c! overflows at c = 171 and a^c overflows once c·ln a passes 709 (about c = 146 at
 * 90 % load); the result is then Infinity / Infinity = NaN, or 0. In BigDecimal it is exact but costs
 * O(c) big-number operations with ever longer numbers.
 */
final class TextbookErlangC {

    private TextbookErlangC() {}

    static double withDoubles(int agents, double erlangs) {
        double factorial = 1;
        double sum = 0;
        for (int k = 0; k < agents; k++) {
            if (k > 0) {
                factorial *= k;
            }
            sum += Math.pow(erlangs, k) / factorial;
        }
        factorial *= agents;
        double top = Math.pow(erlangs, agents) / factorial * agents / (agents - erlangs);
        return top / (sum + top);
    }

    static double withBigDecimal(int agents, double erlangs, MathContext precision) {
        BigDecimal load = new BigDecimal(erlangs);
        BigDecimal factorial = BigDecimal.ONE;
        BigDecimal power = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < agents; k++) {
            if (k > 0) {
                factorial = factorial.multiply(BigDecimal.valueOf(k));
                power = power.multiply(load, precision);
            }
            sum = sum.add(power.divide(factorial, precision), precision);
        }
        factorial = factorial.multiply(BigDecimal.valueOf(agents));
        power = power.multiply(load, precision);
        BigDecimal spare = BigDecimal.valueOf(agents).subtract(load);
        BigDecimal top = power.divide(factorial, precision)
                .multiply(BigDecimal.valueOf(agents))
                .divide(spare, precision);
        return top.divide(sum.add(top), precision).doubleValue();
    }
}
