package se.asfplan.web.audit;

import se.asfplan.infra.history.EventOwner;
import se.asfplan.infra.history.RecordKind;

/**
 * A record in the API's words: its kind ({@code plan}, {@code activity}, ...), its id, the plan it belongs to for
 * an area, activity or goal (null otherwise), and the API path of its history.
 */
public record RecordReference(String kind, String id, String planId, String history) {

    static RecordReference of(RecordKind kind, String id, String planId) {
        String history = kind.partOfPlan() ? "/api/history/" + kind.pathName() + "/" + planId + "/" + id
                : "/api/history/" + kind.pathName() + "/" + id;
        return new RecordReference(kind.pathName(), id, kind.partOfPlan() ? planId : null, history);
    }

    /** The most specific record an event belongs to: a plan's area, activity or goal when it names one. */
    static RecordReference record(EventOwner owner) {
        return owner.partKind() != null ? of(owner.partKind(), owner.partId(), owner.id())
                : of(owner.kind(), owner.id(), null);
    }

    /** The record whose stream holds the event (the plan, for an area's, activity's or goal's event). */
    static RecordReference stream(EventOwner owner) {
        return of(owner.kind(), owner.id(), null);
    }
}
