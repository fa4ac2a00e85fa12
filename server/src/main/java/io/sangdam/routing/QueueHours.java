package io.sangdam.routing;

import io.sangdam.identity.CenterDirectory;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.QueueSettings.OpeningDay;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * When a queue takes new contacts, in the center's time zone. The server checks this before a
 * contact arrives (the widget then offers to leave a message); the engine's own business hours
 * stay open around the clock, so a contact already waiting at closing time is still served and a
 * checkpoint can restore contacts at any hour (docs/adr/0006).
 */
@Component
public class QueueHours {

    /**
     * @param open whether a new contact is taken now
     * @param zone the center's time zone the hours are in
     * @param hours the opening times per day of week; empty with {@code open} means around the clock
     * @param closedToday closed all day today (a holiday or a closed date)
     */
    public record Status(boolean open, ZoneId zone, List<OpeningDay> hours, boolean closedToday) {}

    private final RoutingQueues queues;
    private final CenterDirectory centers;
    private final List<CenterHolidays> holidays;
    private final Clock clock;

    QueueHours(RoutingQueues queues, CenterDirectory centers, List<CenterHolidays> holidays, Clock clock) {
        this.queues = queues;
        this.centers = centers;
        this.holidays = holidays;
        this.clock = clock;
    }

    Status status(long centerId, String code) {
        QueueSettings queue = queues.current(centerId).stream()
                .filter(q -> q.code().equals(code))
                .findFirst()
                .orElseThrow(() -> RequestRejected.notFound("unknown-queue", code));
        ZoneId zone = centers.get(centerId).timeZone();
        return status(queue, ZonedDateTime.now(clock.withZone(zone)));
    }

    Status status(QueueSettings queue, ZonedDateTime now) {
        if (!queue.limitedHours()) {
            return new Status(true, now.getZone(), List.of(), false);
        }
        boolean closedToday = queue.closedDays().contains(now.toLocalDate())
                || holidays.stream().anyMatch(h -> h.isHoliday(queue.centerId(), now.toLocalDate()));
        OpeningDay today = queue.hoursOn(now.getDayOfWeek().getValue());
        boolean open = !closedToday && today != null && isWithin(today, now.toLocalTime());
        return new Status(open, now.getZone(), queue.hours(), closedToday);
    }

    private static boolean isWithin(OpeningDay day, LocalTime time) {
        boolean afterOpening = !time.isBefore(day.opens());
        boolean beforeClosing = day.closes().equals(LocalTime.MIDNIGHT) || time.isBefore(day.closes());
        return afterOpening && beforeClosing;
    }
}
