package se.asfplan.infra.axon;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.messaging.MetaData;

import se.asfplan.domain.shared.PersonalIdentityNumbers;
import se.asfplan.domain.shared.RecordingMetadataKeys;

/**
 * The metadata every recorded event carries besides Axon's own correlation and trace ids: who recorded it (the
 * authenticated login identity, never a personal identity number), through which channel, and the client's
 * request id when it sent one.
 */
public final class RecordingMetadata {

    public static final String RECORDED_BY = RecordingMetadataKeys.RECORDED_BY;
    public static final String RECORDED_VIA = RecordingMetadataKeys.RECORDED_VIA;
    public static final String REQUEST_ID = RecordingMetadataKeys.REQUEST_ID;

    private RecordingMetadata() {
    }

    public static MetaData of(String recordedBy, String recordedVia, String requestId) {
        for (String value : new String[] {recordedBy, recordedVia, requestId}) {
            if (PersonalIdentityNumbers.findIn(value).isPresent()) {
                throw new IllegalArgumentException("recording metadata must not contain a personal identity or "
                        + "coordination number: it is stored with the events for good; use a login name");
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put(RECORDED_BY, recordedBy);
        values.put(RECORDED_VIA, recordedVia);
        if (requestId != null && !requestId.isBlank()) {
            values.put(REQUEST_ID, requestId);
        }
        return MetaData.from(values);
    }
}
