package io.sangdam.engine.simulation;

import java.util.random.RandomGenerator;

/** A random duration in seconds: handling time or customer patience. */
public sealed interface Distribution {

    double sampleSeconds(RandomGenerator random);

    record Exponential(double meanSeconds) implements Distribution {
        @Override
        public double sampleSeconds(RandomGenerator random) {
            // 1 - nextDouble() is in (0, 1], so the logarithm is finite.
            return -meanSeconds * Math.log(1.0 - random.nextDouble());
        }
    }

    /** Log-normal with the given mean and standard deviation of the duration itself (not of its log). */
    record LogNormal(double meanSeconds, double standardDeviationSeconds) implements Distribution {
        @Override
        public double sampleSeconds(RandomGenerator random) {
            double variance =
                    Math.log(1 + (standardDeviationSeconds * standardDeviationSeconds) / (meanSeconds * meanSeconds));
            double mu = Math.log(meanSeconds) - variance / 2;
            return Math.exp(mu + Math.sqrt(variance) * random.nextGaussian());
        }
    }

    /** Draws one of the observed values, each equally likely (a bootstrap of real data). */
    record Empirical(double[] seconds) implements Distribution {
        public Empirical {
            if (seconds.length == 0) {
                throw new IllegalArgumentException("an empirical distribution needs at least one value");
            }
            seconds = seconds.clone();
        }

        @Override
        public double sampleSeconds(RandomGenerator random) {
            return seconds[random.nextInt(seconds.length)];
        }
    }
}
