package io.sangdam.workforce.demo;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.platform.ModuleInitializer;
import io.sangdam.workforce.demo.DemoHistoryStore.Interval;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Eight weeks of demo interval history per partner center and queue, ending last Sunday, shaped
 * like a Korean center's day: open 08:00-21:00, a morning peak around 10:00 and a second one
 * after lunch, Mondays heaviest, weekends light, slow growth, Poisson noise, and holidays quiet.
 * Plus Korean public holidays, which the planner edits.
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoHistory implements ModuleInitializer {

    static final int WEEKS = 8;
    static final int INTERVAL_MINUTES = 30;
    private static final long SEED = 20261127L;
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    record DemoQueue(String code, double dailyContacts, double handlingSeconds) {}

    static final List<DemoQueue> QUEUES = List.of(
            new DemoQueue("BILLING", 1900, 235), new DemoQueue("RETENTION", 620, 410), new DemoQueue("TECH", 880, 380));

    /** Monday first. */
    private static final double[] WEEKDAY = {1.28, 1.12, 1.03, 1.0, 1.06, 0.55, 0.3};

    private final DemoHistoryStore store;
    private final CenterDirectory centers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoHistory(DemoHistoryStore store, CenterDirectory centers, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.centers = centers;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void initialize() {
        if (store.hasHistory()) {
            return;
        }
        transaction.executeWithoutResult(status -> create());
        log.info("Created {} weeks of demo interval history", WEEKS);
    }

    private void create() {
        if (!store.hasHolidays()) {
            koreanPublicHolidays().forEach(h -> store.addHoliday(h.day(), h.name()));
        }
        LocalDate lastSunday = LocalDate.now(clock.withZone(ZoneId.of("Asia/Seoul")))
                .minusDays(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate first = lastSunday.minusWeeks(WEEKS).plusDays(1);
        var random = new Random(SEED);
        int centerNumber = 0;
        for (Center center : centers.all()) {
            if (center.isHeadquarters()) {
                continue;
            }
            double size = 0.8 + 0.15 * centerNumber++;
            var calendar = store.holidays(center.id());
            for (DemoQueue queue : QUEUES) {
                List<Interval> rows = new ArrayList<>();
                for (LocalDate day = first; !day.isAfter(lastSunday); day = day.plusDays(1)) {
                    double growth = 1 + 0.004 * java.time.temporal.ChronoUnit.DAYS.between(first, day);
                    double dayFactor =
                            WEEKDAY[day.getDayOfWeek().getValue() - 1] * (calendar.isHoliday(day) ? 0.25 : 1);
                    for (int interval = 16; interval < 42; interval++) {
                        double expected = queue.dailyContacts() * size * growth * dayFactor * intraday(interval);
                        int contacts = poisson(random, expected);
                        double handling = queue.handlingSeconds() * (0.92 + 0.16 * random.nextDouble());
                        rows.add(new Interval(
                                queue.code(),
                                day.atStartOfDay().plusMinutes(interval * 30L),
                                INTERVAL_MINUTES,
                                contacts,
                                contacts == 0 ? null : Math.round(handling * 10) / 10.0));
                    }
                }
                store.save(center.id(), rows);
            }
        }
    }

    /** Share of the day's contacts in each half hour from 08:00 (16) to 21:00 (42). Sums to 1. */
    static double intraday(int interval) {
        return shape(interval) / NORMALISER;
    }

    /** A morning peak around 10:15, a lower one after lunch, a small evening bump, a floor. */
    private static double shape(int interval) {
        double hour = interval / 2.0;
        double morning = Math.exp(-Math.pow((hour - 10.25) / 1.3, 2));
        double afternoon = 0.8 * Math.exp(-Math.pow((hour - 14.5) / 1.6, 2));
        double evening = 0.25 * Math.exp(-Math.pow((hour - 19) / 1.5, 2));
        return morning + afternoon + evening + 0.08;
    }

    private static final double NORMALISER = java.util.stream.IntStream.range(16, 42)
            .mapToDouble(DemoHistory::shape)
            .sum();

    /** Knuth's method for small means, a normal approximation above (exact enough for demo data). */
    private static int poisson(Random random, double mean) {
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    record DemoHoliday(LocalDate day, String name) {}

    /** Korean public holidays around the demo period; planners add and correct them on the forecast page. */
    static List<DemoHoliday> koreanPublicHolidays() {
        return List.of(
                new DemoHoliday(LocalDate.of(2026, 9, 24), "추석 연휴"),
                new DemoHoliday(LocalDate.of(2026, 9, 25), "추석"),
                new DemoHoliday(LocalDate.of(2026, 9, 26), "추석 연휴"),
                new DemoHoliday(LocalDate.of(2026, 10, 3), "개천절"),
                new DemoHoliday(LocalDate.of(2026, 10, 5), "대체공휴일(개천절)"),
                new DemoHoliday(LocalDate.of(2026, 10, 9), "한글날"),
                new DemoHoliday(LocalDate.of(2026, 12, 25), "성탄절"),
                new DemoHoliday(LocalDate.of(2027, 1, 1), "신정"),
                new DemoHoliday(LocalDate.of(2027, 2, 5), "설날 연휴"),
                new DemoHoliday(LocalDate.of(2027, 2, 6), "설날"),
                new DemoHoliday(LocalDate.of(2027, 2, 7), "설날 연휴"),
                new DemoHoliday(LocalDate.of(2027, 2, 8), "대체공휴일(설날)"),
                new DemoHoliday(LocalDate.of(2027, 3, 1), "삼일절"),
                new DemoHoliday(LocalDate.of(2027, 5, 5), "어린이날"));
    }
}
