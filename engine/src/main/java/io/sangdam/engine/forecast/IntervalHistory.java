package io.sangdam.engine.forecast;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Contacts offered per interval over whole days, oldest first, starting at midnight of {@code
 * firstDay}. Interval {@code i} of day {@code d} is {@code contacts[d * intervalsPerDay() + i]}.
 *
 * <p>The array is copied on the way in and out: records do not protect arrays themselves.
 *
 * @param intervalMinutes 15 or 30 (any length that divides a day is accepted)
 */
public record IntervalHistory(LocalDate firstDay, int intervalMinutes, double[] contacts) {

    public IntervalHistory {
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new InvalidForecastInputException(
                    "intervalMinutes", "must divide a day (15 or 30), was " + intervalMinutes);
        }
        int perDay = 1440 / intervalMinutes;
        if (contacts.length == 0 || contacts.length % perDay != 0) {
            throw new InvalidForecastInputException(
                    "contacts", "must cover whole days of " + perDay + " intervals, had " + contacts.length);
        }
        contacts = contacts.clone();
        for (int i = 0; i < contacts.length; i++) {
            if (!Double.isFinite(contacts[i]) || contacts[i] < 0) {
                throw new InvalidForecastInputException(
                        "contacts", "interval " + i + " (" + firstDay.plusDays(i / perDay) + ") has " + contacts[i]);
            }
        }
    }

    public int intervalsPerDay() {
        return 1440 / intervalMinutes;
    }

    public int days() {
        return contacts.length / intervalsPerDay();
    }

    public LocalDate day(int dayIndex) {
        return firstDay.plusDays(dayIndex);
    }

    public double contacts(int dayIndex, int interval) {
        return contacts[dayIndex * intervalsPerDay() + interval];
    }

    @Override
    public double[] contacts() {
        return contacts.clone();
    }

    /** The first {@code days} days. */
    public IntervalHistory firstDays(int days) {
        return new IntervalHistory(firstDay, intervalMinutes, Arrays.copyOf(contacts, days * intervalsPerDay()));
    }

    /** The days from {@code fromDay} on. */
    public IntervalHistory fromDay(int fromDay) {
        return new IntervalHistory(
                day(fromDay),
                intervalMinutes,
                Arrays.copyOfRange(contacts, fromDay * intervalsPerDay(), contacts.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntervalHistory that
                && firstDay.equals(that.firstDay)
                && intervalMinutes == that.intervalMinutes
                && Arrays.equals(contacts, that.contacts);
    }

    @Override
    public int hashCode() {
        return firstDay.hashCode() * 31 * 31 + intervalMinutes * 31 + Arrays.hashCode(contacts);
    }

    @Override
    public String toString() {
        return "IntervalHistory[" + firstDay + ", " + days() + " days of " + intervalMinutes + " min]";
    }
}
