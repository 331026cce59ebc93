package se.asfplan.domain.shared;

/**
 * The names under which every recorded event carries who recorded it, through which channel and for which client
 * request, beside the event itself. They are part of the stored contract of every event: the read models cite who
 * recorded a fact, so a key is never renamed.
 */
public final class RecordingMetadataKeys {

    /** Who recorded the event: the authenticated login identity, never a personal identity number. */
    public static final String RECORDED_BY = "recordedBy";
    /** The channel the event was recorded through: the REST API, the command line or the start-up plan import. */
    public static final String RECORDED_VIA = "recordedVia";
    /** The client's request id, when it sent one. */
    public static final String REQUEST_ID = "requestId";

    private RecordingMetadataKeys() {
    }
}
