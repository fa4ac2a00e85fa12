package io.sangdam.channel;

import io.sangdam.routing.QueueHours;
import io.sangdam.routing.QueueSettings.OpeningDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** A queue's opening hours in the customer's words: "월–금 09:00–18:00, 토 10:00–14:00 (한국 시간)". */
final class OpeningHoursText {

    private OpeningHoursText() {}

    static String of(QueueHours.Status status, MessageSource messages, Locale locale) {
        if (status.hours().isEmpty()) {
            return status.open() ? "" : messages.getMessage("chat.hours.none", null, locale);
        }
        List<String> parts = new ArrayList<>();
        List<OpeningDay> days = status.hours();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size()
                    && days.get(j + 1).dayOfWeek() == days.get(j).dayOfWeek() + 1
                    && days.get(j + 1).opens().equals(days.get(i).opens())
                    && days.get(j + 1).closes().equals(days.get(i).closes())) {
                j++;
            }
            String first = day(days.get(i).dayOfWeek(), messages, locale);
            String range = i == j ? first : first + "–" + day(days.get(j).dayOfWeek(), messages, locale);
            parts.add(range + " " + days.get(i).opens() + "–"
                    + (days.get(i).closes().equals(java.time.LocalTime.MIDNIGHT)
                            ? "24:00"
                            : days.get(i).closes().toString()));
            i = j + 1;
        }
        return messages.getMessage(
                "chat.hours",
                new Object[] {String.join(", ", parts), status.zone().getId()},
                locale);
    }

    private static String day(int dayOfWeek, MessageSource messages, Locale locale) {
        return messages.getMessage("chat.day." + dayOfWeek, null, locale);
    }
}
