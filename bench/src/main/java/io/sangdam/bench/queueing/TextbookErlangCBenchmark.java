package io.sangdam.bench.queueing;

import io.sangdam.engine.queueing.ErlangC;
import java.math.MathContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The textbook factorial Erlang C beside Sangdam's, at 90 % load. The setup prints what each returns,
 * so the run log shows the double version turning into NaN (see also {@link TextbookBreakdown}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TextbookErlangCBenchmark {

    @Param({"100", "140", "150", "171", "1000"})
    public int agents;

    private double erlangs;
    private final MathContext precision = new MathContext(40);

    @Setup
    public void prepare() {
        erlangs = 0.9 * agents;
        System.out.printf(
                "%n  c=%d a=%.1f: log-space %.12g, textbook double %s, textbook BigDecimal %.12g%n",
                agents,
                erlangs,
                ErlangC.probabilityOfWaiting(agents, erlangs),
                TextbookErlangC.withDoubles(agents, erlangs),
                TextbookErlangC.withBigDecimal(agents, erlangs, precision));
    }

    @Benchmark
    public double sangdamLogSpace() {
        return ErlangC.probabilityOfWaiting(agents, erlangs);
    }

    @Benchmark
    public double textbookDoubles() {
        return TextbookErlangC.withDoubles(agents, erlangs);
    }

    @Benchmark
    public double textbookBigDecimal() {
        return TextbookErlangC.withBigDecimal(agents, erlangs, precision);
    }
}
