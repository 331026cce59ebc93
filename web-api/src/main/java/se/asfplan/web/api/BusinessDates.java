package se.asfplan.web.api;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import se.asfplan.domain.shared.BusinessCalendar;

/** A request that leaves out {@code occurredOn} records something that happened today, in Sweden. */
@Component
class BusinessDates {

    private final Clock clock;

    BusinessDates(Clock clock) {
        this.clock = clock;
    }

    LocalDate orToday(LocalDate occurredOn) {
        return occurredOn != null ? occurredOn : BusinessCalendar.today(clock);
    }
}
