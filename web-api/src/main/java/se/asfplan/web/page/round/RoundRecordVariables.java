package se.asfplan.web.page.round;

import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.infra.round.RoundReminderQueue;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;
import se.asfplan.web.round.RoundReader;
import se.asfplan.web.round.RoundTexts;

/** The round a form is about (chosen among the plan's rounds), and the queued message a delivery mark is about. */
@Component
class RoundRecordVariables implements RecordVariableSource {

    private final RoundReader rounds;

    RoundRecordVariables(RoundReader rounds) {
        this.rounds = rounds;
    }

    @Override
    public String variable() {
        return "roundId";
    }

    @Override
    public String label() {
        return "Uppföljningsomgång";
    }

    @Override
    public List<String> dependsOn() {
        return List.of("planId");
    }

    @Override
    public OptionSource options() {
        return variables -> variables.get("planId") == null ? List.of() : rounds.rounds(variables.get("planId"))
                .stream().map(status -> new FormOption(status.round().roundId(), status.round().name() + " ("
                        + RoundTexts.kind(status.round().kind()).toLowerCase(java.util.Locale.ROOT)
                        + (status.round().closed() ? ", stängd" : "") + ")"))
                .toList();
    }

    /** The messages not yet delivered. */
    @Component
    static class MessageVariable implements RecordVariableSource {

        private final RoundReminderQueue queue;

        MessageVariable(RoundReminderQueue queue) {
            this.queue = queue;
        }

        @Override
        public String variable() {
            return "messageId";
        }

        @Override
        public String label() {
            return "Påminnelse";
        }

        @Override
        public OptionSource options() {
            return variables -> queue.messages(true, null).stream()
                    .map(message -> new FormOption(message.messageId(), message.recipient() + ": "
                            + message.subject())).toList();
        }
    }
}
