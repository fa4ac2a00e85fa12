package io.sangdam.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class IntervalForecasterTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 8, 3);
    /** 추석 2026 falls on 24–26 September: days 52–54 from {@link #MONDAY}. */
    private static final HolidayCalendar CHUSEOK = HolidayCalendar.of(
            new Holiday(LocalDate.of(2026, 9, 24), "추석 연휴"),
            new Holiday(LocalDate.of(2026, 9, 25), "추석"),
            new Holiday(LocalDate.of(2026, 9, 26), "추석 연휴"));

    private static final long SEED = 20261124L;

    @Test
    void eachMethodRecoversTheKnownPattern() {
        SyntheticCenter center = SyntheticCenter.growing(MONDAY, CHUSEOK);
        IntervalHistory history = center.observed(56, SEED); // 8 weeks, 추석 in the last one
        IntervalHistory truth = center.expectedHistory(56, 14);

        IntervalForecast profile = new WeekdayProfile().forecast(history, CHUSEOK, 14);
        IntervalForecast holtWinters = new HoltWinters().forecast(history, CHUSEOK, 14);

        double profileError = IntervalForecaster.weightedAbsolutePercentageError(truth, profile, CHUSEOK);
        double holtWintersError = IntervalForecaster.weightedAbsolutePercentageError(truth, holtWinters, CHUSEOK);
        assertThat(profileError).isLessThan(0.03);
        assertThat(holtWintersError).isLessThan(0.05);
    }

    @Test
    void theChooserPicksTheMethodWithTheLowerBacktestError() {
        SyntheticCenter growing = SyntheticCenter.growing(MONDAY, CHUSEOK);
        ForecastChoice onTrend = IntervalForecaster.forecast(growing.observed(70, SEED), CHUSEOK, 14, 2);
        SyntheticCenter stepping = SyntheticCenter.stepping(MONDAY, 49);
        ForecastChoice onStep = IntervalForecaster.forecast(stepping.observed(70, SEED), HolidayCalendar.none(), 14, 2);

        for (ForecastChoice choice : new ForecastChoice[] {onTrend, onStep}) {
            BacktestScore best = choice.scores().stream()
                    .min(Comparator.comparingDouble(BacktestScore::weightedAbsolutePercentageError))
                    .orElseThrow();
            assertThat(choice.chosenMethod()).isEqualTo(best.method());
            assertThat(choice.forecast().method()).isEqualTo(best.method());
            assertThat(choice.scores())
                    .hasSize(2)
                    .allSatisfy(score -> assertThat(score.heldBackWeeks()).isEqualTo(2));
        }
        // A steady trend is the profile model's home ground; a recent level shift is Holt-Winters'.
        assertThat(onTrend.chosenMethod()).isEqualTo("weekday-profile");
        assertThat(onStep.chosenMethod()).isEqualTo("holt-winters");
    }

    @Test
    void holidaysInTheHistoryDoNotDragTheForecastDown() {
        SyntheticCenter center = SyntheticCenter.growing(MONDAY, CHUSEOK);
        IntervalHistory history = center.observed(56, SEED);
        IntervalHistory truth = center.expectedHistory(56, 14);
        for (ForecastMethod method : IntervalForecaster.METHODS) {
            double excluded = IntervalForecaster.weightedAbsolutePercentageError(
                    truth, method.forecast(history, CHUSEOK, 14), CHUSEOK);
            double ignored = IntervalForecaster.weightedAbsolutePercentageError(
                    truth, method.forecast(history, HolidayCalendar.none(), 14), CHUSEOK);
            assertThat(excluded).as(method.name()).isLessThan(ignored);
        }
    }

    @Test
    void aHolidayInTheHorizonIsForecastWithTheSundayPattern() {
        SyntheticCenter center = SyntheticCenter.growing(MONDAY, HolidayCalendar.none());
        IntervalHistory history = center.observed(42, SEED);
        LocalDate wednesday = history.day(42 + 2);
        assertThat(wednesday.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        HolidayCalendar centerDay = HolidayCalendar.of(new Holiday(wednesday, "센터 창립기념일"));

        for (ForecastMethod method : IntervalForecaster.METHODS) {
            IntervalForecast ordinary = method.forecast(history, HolidayCalendar.none(), 7);
            IntervalForecast withHoliday = method.forecast(history, centerDay, 7);
            double wednesdayTotal = 0, holidayTotal = 0, sundayTotal = 0;
            for (int interval = 0; interval < history.intervalsPerDay(); interval++) {
                wednesdayTotal += ordinary.contacts(2, interval);
                holidayTotal += withHoliday.contacts(2, interval);
                sundayTotal += ordinary.contacts(6, interval);
            }
            // The holiday looks like a Sunday (0.30 of the weekday mean against Wednesday's 1.00).
            assertThat(holidayTotal / wednesdayTotal).as(method.name()).isCloseTo(0.30, offset(0.05));
            assertThat(holidayTotal / sundayTotal).as(method.name()).isCloseTo(1.0, offset(0.05));
            assertThat(withHoliday.contacts(3, 20)).isEqualTo(ordinary.contacts(3, 20));
        }
    }

    @Test
    void fifteenMinuteIntervalsWorkToo() {
        SyntheticCenter center =
                new SyntheticCenter(MONDAY, 15, 3000, 0.002, Integer.MAX_VALUE, 1, HolidayCalendar.none());
        ForecastChoice choice = IntervalForecaster.forecast(center.observed(35, SEED), HolidayCalendar.none(), 7, 1);
        assertThat(choice.forecast().values().intervalsPerDay()).isEqualTo(96);
        assertThat(choice.forecast().firstDay()).isEqualTo(MONDAY.plusDays(35));
        assertThat(choice.scores())
                .allSatisfy(score ->
                        assertThat(score.weightedAbsolutePercentageError()).isLessThan(0.15));
    }

    @Test
    void badHistoryNamesTheField() {
        assertThatThrownBy(() -> new IntervalHistory(MONDAY, 30, new double[47]))
                .isInstanceOfSatisfying(
                        InvalidForecastInputException.class,
                        e -> assertThat(e.field()).isEqualTo("contacts"));
        assertThatThrownBy(() -> new IntervalHistory(MONDAY, 7, new double[48]))
                .isInstanceOfSatisfying(
                        InvalidForecastInputException.class,
                        e -> assertThat(e.field()).isEqualTo("intervalMinutes"));
        double[] negative = new double[48];
        negative[5] = -1;
        assertThatThrownBy(() -> new IntervalHistory(MONDAY, 30, negative))
                .isInstanceOfSatisfying(
                        InvalidForecastInputException.class,
                        e -> assertThat(e.getMessage()).contains("interval 5"));
        IntervalHistory threeWeeks =
                SyntheticCenter.growing(MONDAY, HolidayCalendar.none()).observed(21, SEED);
        assertThatThrownBy(() -> IntervalForecaster.forecast(threeWeeks, HolidayCalendar.none(), 7, 2))
                .isInstanceOfSatisfying(
                        InvalidForecastInputException.class,
                        e -> assertThat(e.field()).isEqualTo("history"));
    }
}
