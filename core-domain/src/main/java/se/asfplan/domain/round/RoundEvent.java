package se.asfplan.domain.round;

import java.time.LocalDate;

/** What every event in a round's history says: which round, and the business date it happened on. */
public interface RoundEvent {

    RoundId roundId();

    LocalDate occurredOn();
}
