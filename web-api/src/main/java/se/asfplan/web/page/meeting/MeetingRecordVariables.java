package se.asfplan.web.page.meeting;

import org.springframework.stereotype.Component;

import se.asfplan.web.api.EnterpriseReader;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;

/** The meeting a form is about, chosen from the recorded meetings when the form is opened without it. */
@Component
class MeetingRecordVariables implements RecordVariableSource {

    private final EnterpriseReader meetings;

    MeetingRecordVariables(EnterpriseReader meetings) {
        this.meetings = meetings;
    }

    @Override
    public String variable() {
        return "meetingId";
    }

    @Override
    public String label() {
        return "Möte";
    }

    @Override
    public OptionSource options() {
        return variables -> meetings.meetings(null, null).stream()
                .filter(meeting -> meeting.retractedOn() == null)
                .map(meeting -> new FormOption(meeting.meetingId().value(), meeting.occurredOn() + " "
                        + meeting.title() + " (" + MeetingTexts.kind(meeting.kind()).toLowerCase() + ")"))
                .toList();
    }
}
