package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requireAgents;
import static io.sangdam.engine.queueing.InvalidQueueingInputException.requirePositive;

/**
 * Erlang A: the M/M/c+M queue (Palm's model). Like Erlang C, but each waiting contact gives up after
 * an exponentially distributed patience with mean {@code averagePatienceSeconds}. Unlike Erlang C it
 * is stable at any load, and it predicts abandonment.
 *
 * <h2>What is computed</h2>
 *
 * Let λ be the arrival rate, μ = 1/AHT, θ = 1/patience, a = λ/μ, n the agents, and in units of
 * the AHT r = θ/μ, κ = a/r, α = n/r. The number of contacts in the system is a birth–death chain
 * (birth λ; death kμ below n, nμ + (k−n)θ above). Its stationary law, relative to state n−1, has
 *
 * <ul>
 *   <li>below n: Σ_{k&lt;n} π_k / π_{n−1} = 1 / B(n−1, a) (the Erlang B recursion);
 *   <li>n and above: Σ_{i≥0} π_{n+i} / π_{n−1} = κ · S(α, κ), with S the series of {@link
 *       PochhammerSeries} (Garnett, Mandelbaum and Reiman 2002 write the same with incomplete gamma).
 * </ul>
 *
 * From it: P(wait) = P(N ≥ n); abandonment P(Ab) = θ · E[queue] / λ (Little's law on the queue).
 * The offered wait V (the wait of a contact with infinite patience) has density λ π_{n−1} exp(λ(1 −
 * e^{−θx})/θ − nμx) for x &gt; 0 (Baccelli and Hébuterne 1981), and a contact is answered within T
 * when V ≤ T and V is shorter than its own patience:
 *
 * <pre>
 *   answered within T = P(N &lt; n) + λ π_{n−1} ∫_0^T exp(λ(1 − e^{−θx})/θ − (nμ + θ)x) dx
 * </pre>
 *
 * which we integrate numerically ({@link GaussLegendre}); its closed form, P(N &lt; n) + κ π_{n−1}
 * [S(α+1, κ) − e^{κ(1−e^{−rT}) − (n+r)T} S(α+1, κ e^{−rT})] with T in units of AHT, cancels
 * catastrophically in overload and is used only by the tests, in 60-digit arithmetic. The mean wait
 * of answered contacts uses −∂S/∂s at s = α + 1.
 *
 * <h2>Service level</h2>
 *
 * {@link ErlangAMeasures#serviceLevel()} is the PRODUCT.md definition: contacts answered within T
 * divided by contacts offered, with abandons within {@link ServiceLevelRule#shortAbandonSeconds()}
 * removed from the denominator (they are never in the numerator) and every later abandon counted as
 * not answered in time. {@link ErlangAMeasures#answeredWithinThreshold()} is the same numerator over
 * all offered contacts. Abandons within t0 are P(Ab ≤ t0) = 1 − answered within t0 − e^{−θ t0} · P(V ≥
 * t0).
 *
 * <h2>Accuracy</h2>
 *
 * Every sum is of positive terms, in log space, and the integral is of a positive function; all
 * measures carry a relative error near 1e−12 against 60-digit references, down to values around
 * 1e−300 (below that they underflow to 0). The short-abandon share is a difference (1 − answered
 * within t0 − still waiting at t0), accurate to about 1e−15 absolute, which is all the service level
 * needs.
 */
public final class ErlangA {

    private ErlangA() {}

    /** Every Erlang A measure for {@code agents} agents. Costs O(agents) plus O(κ) series terms. */
    public static ErlangAMeasures measures(
            int agents, Workload workload, double averagePatienceSeconds, ServiceLevelRule rule) {
        requireAgents("agents", agents);
        requirePositive("averagePatienceSeconds", averagePatienceSeconds);
        double erlangs = workload.erlangs();
        if (erlangs == 0) {
            return measures(agents, workload, averagePatienceSeconds, rule, 0.0);
        }
        ErlangBRecursion recursion = ErlangBRecursion.at(erlangs, agents - 1);
        return measures(agents, workload, averagePatienceSeconds, rule, recursion.logBlocking());
    }

    /**
     * The measures given ln B(agents − 1, a), so the staffing solver can keep one recursion for many
     * agent counts.
     */
    static ErlangAMeasures measures(
            int agents,
            Workload workload,
            double averagePatienceSeconds,
            ServiceLevelRule rule,
            double logBlockingOneAgentFewer) {
        double erlangs = workload.erlangs();
        if (erlangs == 0) {
            return new ErlangAMeasures(agents, 0.0, rule, averagePatienceSeconds, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0);
        }
        double handling = workload.averageHandlingTimeSeconds();
        double r = handling / averagePatienceSeconds; // θ / μ
        double kappa = erlangs / r; // λ / θ
        double alpha = agents / r; // nμ / θ
        double logKappa = Math.log(kappa);

        double logBelow = -logBlockingOneAgentFewer; // Σ_{k<n} π_k / π_{n−1}
        // One series at s = α + 1 gives everything at s = α too, without cancellation:
        // S(α, κ) = (1 + κ S(α+1, κ)) / α and Σ k x^k/(α)_{k+1} = (κ/α)(S(α+1, κ) + Σ k x^k/(α+1)_{k+1}).
        PochhammerSeries.Sums answerSums = PochhammerSeries.sum(alpha + 1, kappa);
        double logQueue = logSum(0.0, logKappa + answerSums.logPlain()) - Math.log(alpha);
        double logQueueIndexWeighted =
                logKappa - Math.log(alpha) + logSum(answerSums.logPlain(), answerSums.logIndexWeighted());
        double logAbove = logKappa + logQueue; // Σ_{k≥n} π_k / π_{n−1}
        double logTotal = logSum(logBelow, logAbove);
        double logEdge = -logTotal; // ln π_{n−1}

        double notWaiting = Math.exp(logBelow - logTotal);
        double waiting = Math.exp(logAbove - logTotal);
        double abandonment = Math.exp(logEdge + logQueueIndexWeighted);

        double answeredAfterWaiting = Math.exp(logKappa + logEdge + answerSums.logPlain());
        double answered = notWaiting + answeredAfterWaiting; // = 1 − abandonment, without cancellation
        double waitOfAnswered = Math.exp(logKappa + logEdge - Math.log(r) + answerSums.logHarmonicWeighted());
        double speedOfAnswer = answered > 0 ? waitOfAnswered / answered * handling : 0.0;

        double threshold = rule.thresholdSeconds() / handling;
        double answeredWithin = answeredWithin(threshold, agents, erlangs, r, kappa, logEdge, notWaiting);

        double shortAbandonment = 0.0;
        if (rule.shortAbandonSeconds() > 0) {
            double shortTime = rule.shortAbandonSeconds() / handling;
            double answeredQuickly = answeredWithin(shortTime, agents, erlangs, r, kappa, logEdge, notWaiting);
            // P(V ≥ t0): the offered wait reaches t0; those still waiting at t0 have not abandoned with
            // probability e^{−θ t0}.
            double shrunk = Math.exp(-r * shortTime);
            double logWaitBeyond = logKappa
                    + logEdge
                    - kappa * Math.expm1(-r * shortTime)
                    - agents * shortTime
                    + PochhammerSeries.sum(alpha, kappa * shrunk).logPlain();
            shortAbandonment = clamp(1.0 - answeredQuickly - shrunk * Math.exp(logWaitBeyond));
        }
        double serviceLevel = clamp(answeredWithin / (1.0 - shortAbandonment));

        return new ErlangAMeasures(
                agents,
                erlangs,
                rule,
                averagePatienceSeconds,
                waiting,
                serviceLevel,
                answeredWithin,
                abandonment,
                shortAbandonment,
                speedOfAnswer,
                Math.min(1.0, erlangs * answered / agents));
    }

    /**
     * Share of offered contacts answered within {@code time} (in units of AHT): those answered at once
     * plus a π_{n−1} ∫_0^T exp(κ(1 − e^{−rx}) − (n + r)x) dx. The integrand is log-concave with its peak
     * at x* = ln(a / (n + r)) / r (or at 0); we factor out its largest value on [0, T] so that it
     * neither overflows nor underflows, and integrate the positive remainder (see {@link GaussLegendre}
     * for why not the closed form).
     */
    private static double answeredWithin(
            double time, int agents, double erlangs, double r, double kappa, double logEdge, double notWaiting) {
        if (time == 0) {
            return notWaiting;
        }
        double decay = agents + r;
        double peak = erlangs > decay ? Math.min(time, Math.log(erlangs / decay) / r) : 0.0;
        double logPeak = -kappa * Math.expm1(-r * peak) - decay * peak;
        // The exponent's two terms reach κ·rT and (n + r)T in size and cancel to a few units, so the
        // integrand carries a relative rounding noise of about 1e−16 times their size; ask for no more.
        double exponentSize = kappa * -Math.expm1(-r * time) + decay * time + Math.abs(logPeak);
        double tolerance = Math.max(1e-14, 4e-16 * exponentSize);
        double integral = GaussLegendre.integrate(
                x -> Math.exp(-kappa * Math.expm1(-r * x) - decay * x - logPeak), 0.0, time, tolerance);
        return clamp(notWaiting + Math.exp(Math.log(erlangs) + logEdge + logPeak) * integral);
    }

    private static double logSum(double logX, double logY) {
        double larger = Math.max(logX, logY);
        return larger + Math.log1p(Math.exp(Math.min(logX, logY) - larger));
    }

    private static double clamp(double probability) {
        return Math.max(0.0, Math.min(1.0, probability));
    }
}
