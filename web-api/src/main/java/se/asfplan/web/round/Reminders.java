package se.asfplan.web.round;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.infra.round.RoundReminderQueue;
import se.asfplan.infra.round.RoundReminderQueue.ReminderMessage;

/** Queues a round's reminders as outgoing messages (see {@link RoundReminderQueue}), and reads them back. */
@Component
class Reminders {

    private final RoundReminderQueue queue;
    private final Clock clock;

    Reminders(RoundReminderQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** One message per reminder due, once per recipient and business day; answers the messages as stored. */
    List<ReminderMessage> queue(RoundStatus status, String user) {
        return status.reminders().stream().map(reminder -> queue.queue(status.round().roundId(),
                status.round().planId(), reminder.recipient(), status.today(), reminder.messageSubject(),
                reminder.messageBody(), clock.instant(), user)).toList();
    }

    List<ReminderMessage> queued(String roundId) {
        return queue.messages(false, roundId);
    }
}
