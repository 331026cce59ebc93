package se.asfplan.domain.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event that records a fact a retraction may name, with the name a retraction stores for it (its
 * {@code retractedFact}). The name is part of the persisted contract: retractions recorded years ago name their
 * fact by it, so it never changes, even when the event class is renamed or moved. The names are the event classes'
 * simple names at the time the first retractions were stored.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FactName {

    String value();

    /** The stored name of the fact an event records. */
    final class Of {

        private Of() {
        }

        /**
         * @throws IllegalArgumentException when the event records no retractable fact (a programming error: only
         *                                  events marked {@code @FactName} are retractable)
         */
        public static String event(Object event) {
            FactName name = event.getClass().getAnnotation(FactName.class);
            if (name == null) {
                throw new IllegalArgumentException(event.getClass().getName() + " records no retractable fact");
            }
            return name.value();
        }
    }
}
