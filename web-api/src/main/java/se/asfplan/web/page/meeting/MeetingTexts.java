package se.asfplan.web.page.meeting;

import java.util.Arrays;
import java.util.List;

import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.web.page.form.FormOption;

/** The Swedish names of the kinds of meeting. */
final class MeetingTexts {

    private MeetingTexts() {
    }

    static String kind(MeetingKind kind) {
        return kind == null ? "" : switch (kind) {
            case DIALOGUE_FORUM -> "Dialogforum";
            case ROUND_TABLE -> "Rundabordssamtal";
            case WORKING_MEETING -> "Arbetsmöte";
            case TENDER_SCHOOL -> "Anbudsskola";
        };
    }

    static List<FormOption> kinds() {
        return Arrays.stream(MeetingKind.values()).map(kind -> new FormOption(kind.name(), kind(kind))).toList();
    }
}
